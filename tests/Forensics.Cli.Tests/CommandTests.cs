using Forensics.TestSupport;

namespace Forensics.Cli.Tests;

public sealed class CommandTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("forensics-cli-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ForensicsCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Analyze_with_a_bad_input_exits_1_and_still_reports_the_good_ones()
    {
        var evidence = Directory.CreateDirectory(Path.Combine(_scratch, "evidence")).FullName;
        File.Copy(TestPaths.CorpusFile("sets", "set-hello", "maps"), Path.Combine(evidence, "hello.maps"));
        File.WriteAllBytes(Path.Combine(evidence, "empty.txt"), []);
        var output = Path.Combine(_scratch, "out");

        var (code, _, error) = Run("analyze", evidence, "--out", output, "--quiet");

        Assert.Equal(ExitCodes.SomeInputsFailed, code);
        Assert.Contains("failed: empty.txt: error FX2001", error, StringComparison.Ordinal);
        var captures = File.ReadAllLines(Path.Combine(output, "captures.csv"));
        Assert.Equal(2, captures.Length);
        Assert.StartsWith("hello.maps,hello.maps,", captures[1], StringComparison.Ordinal);
        // 39 regions of set-hello's maps, one header row.
        Assert.Equal(40, File.ReadAllLines(Path.Combine(output, "regions.csv")).Length);
        var inputs = File.ReadAllText(Path.Combine(output, "inputs.csv"));
        Assert.Contains("empty.txt,failed,", inputs, StringComparison.Ordinal);
        Assert.Contains("hello.maps,ok,", inputs, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_of_readable_inputs_exits_0()
    {
        var (code, output, _) = Run("analyze", TestPaths.CorpusFile("aslr-pair"), "--out", Path.Combine(_scratch, "out"), "--quiet");

        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("wrote ", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_scratch, "out", "compare.md")));
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("analyze", "corpus", "--format", "xml")]
    [InlineData("analyze", "corpus", "--bogus")]
    [InlineData("frobnicate")]
    public void Bad_usage_exits_2_with_a_short_message(params string[] args)
    {
        var (code, _, error) = Run(args);

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.NotEqual("", error.Trim());
        Assert.True(error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 4, error);
    }

    [Fact]
    public void An_unknown_baseline_is_bad_usage_naming_the_id()
    {
        var (code, _, error) = Run("compare", TestPaths.CorpusFile("aslr-pair"), "--baseline", "no-such-capture");

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains("[no-such-capture]", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_prints_the_region_table_of_a_maps_file()
    {
        var (code, output, _) = Run("show", TestPaths.CorpusFile("sets", "set-hello", "maps"));

        Assert.Equal(ExitCodes.Success, code);
        // The first and the last region of set-hello's maps, and its vsyscall page.
        Assert.Contains("0x55f5da648000", output, StringComparison.Ordinal);
        Assert.Contains("0xffffffffff600000", output, StringComparison.Ordinal);
        Assert.Contains("vsyscall", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Crash_with_format_md_prints_the_markdown_verdict_and_signature_of_a_null_dereference_core()
    {
        var (code, output, _) = Run("crash", TestPaths.CorpusFile("crash-null", "core.xz"), "--format", "md");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("**null-pointer-dereference**", output, StringComparison.Ordinal);
        Assert.Contains("Signature: SIGSEGV in crash\\_null+0x1416 ← crash\\_null+0x14d3", output, StringComparison.Ordinal);
        Assert.Contains("Fault address: 0x10", output, StringComparison.Ordinal);
        Assert.Contains("| 28823 | yes | 11 |", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_of_two_runs_reports_the_same_layout_at_different_bases()
    {
        var (code, output, _) = Run("compare", TestPaths.CorpusFile("aslr-pair"));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("same layout, different bases", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Formats_lists_every_input_format()
    {
        var (code, output, _) = Run("formats");

        Assert.Equal(ExitCodes.Success, code);
        foreach (var format in new[] { "core", "maps", "smaps", "smaps_rollup", "pmap", "gdb", "apport", "minidump", "coredumpctl", "abrt" })
            Assert.Contains("  " + format + " ", output, StringComparison.Ordinal);
    }
}

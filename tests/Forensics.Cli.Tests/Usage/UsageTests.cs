using Forensics.Pipeline;
using Forensics.Pipeline.Store;
using Forensics.TestSupport;

namespace Forensics.Cli.Tests.Usage;

/// <summary>What the command line says, and exits with, for values, paths and baselines it cannot use.</summary>
public sealed class UsageTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("forensics-usage-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private string Output => Path.Combine(_scratch, "out");

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ForensicsCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string OneLine(string error)
    {
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        return Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("analyze", "--jobs", "abc")]
    [InlineData("analyze", "--jobs", "99999999999")]
    [InlineData("analyze", "--jobs", "0")]
    [InlineData("analyze", "--file-time-limit", "abc")]
    [InlineData("analyze", "--file-memory-limit", "1.5")]
    [InlineData("analyze", "--shard", "x")]
    [InlineData("analyze", "--shard", "3/2")]
    [InlineData("merge", "--jobs", "x")]
    public void An_option_value_that_does_not_parse_is_one_line_and_exit_2(string command, string option, string value)
    {
        var (code, _, error) = Run(command, TestPaths.CorpusFile("aslr-pair"), "--out", Output, "--quiet", option, value);

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.StartsWith(option + ": [" + value + "] is not ", OneLine(error), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Output, "index.md")));
    }

    [Fact]
    public void A_missing_path_is_one_line_and_exit_2()
    {
        var missing = Path.Combine(_scratch, "no-such-folder");

        var (code, _, error) = Run("analyze", missing, "--out", Output, "--quiet");

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal("no such file or directory [" + missing + "]; give the files or folders of the captures.", OneLine(error));
    }

    [Fact]
    public void An_empty_folder_has_nothing_to_analyse_and_exits_1_without_reports()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_scratch, "empty")).FullName;

        var (code, _, error) = Run("analyze", empty, "--out", Output, "--quiet");

        Assert.Equal(ExitCodes.SomeInputsFailed, code);
        Assert.StartsWith("nothing to analyse under [" + empty + "]", OneLine(error), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Output, "index.md")));
    }

    [Fact]
    public void A_junk_folder_gives_the_same_counts_on_stderr_in_index_md_in_inputs_csv_and_in_the_exit_code()
    {
        var junk = Directory.CreateDirectory(Path.Combine(_scratch, "junk")).FullName;
        File.Copy(Path.Combine(TestPaths.BadInputs, "random-4096.bin"), Path.Combine(junk, "random.bin"));
        File.Copy(Path.Combine(TestPaths.BadInputs, "not-a-core.elf.xz"), Path.Combine(junk, "not-a-core.elf.xz"));
        File.WriteAllBytes(Path.Combine(junk, "empty"), []);
        File.CreateSymbolicLink(Path.Combine(junk, "broken"), Path.Combine(_scratch, "gone"));
        Directory.CreateSymbolicLink(Path.Combine(Directory.CreateDirectory(Path.Combine(junk, "sub")).FullName, "loop"), junk);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = ForensicsCommandLine.AnalyzeCommand([junk], Output, null, "md,csv", ProgressReporter.Lines(stderr), stdout, stderr,
            new PipelineOptions { OutputDirectory = Output });

        // The listing's problems (the broken link, the loop) are inputs as much as the files are.
        var statuses = File.ReadAllLines(Path.Combine(Output, "inputs.csv")).Skip(1).Select(l => l.Split(',')[1]).ToList();
        Assert.Equal(["failed", "failed", "failed", "skipped", "skipped"], statuses.Order(StringComparer.Ordinal));
        var error = stderr.ToString();
        Assert.Contains("\nanalysed 5 inputs (3 failed, 2 skipped) giving 0 captures\n", error, StringComparison.Ordinal);
        Assert.Equal(3, error.Split('\n').Count(l => l.StartsWith("failed: ", StringComparison.Ordinal)));
        Assert.Contains("Analysed 5 inputs (3 failed, 2 skipped) giving 0 captures.", File.ReadAllText(Path.Combine(Output, "index.md")),
            StringComparison.Ordinal);
        Assert.Equal(ExitCodes.SomeInputsFailed, code);
    }

    [Theory]
    [InlineData("aslr-pair/run-2.maps")]
    [InlineData("run-2.maps")]
    [InlineData("**/run-2.*")]
    [InlineData("run-2*")]
    [InlineData("aslr-pair+run-2.maps")]
    public void The_baseline_is_a_path_a_glob_or_a_capture_id(string baseline)
    {
        var (code, _, error) = Run("analyze", TestPaths.CorpusFile("aslr-pair"), TestPaths.CorpusFile("grow"), "--out", Output, "--quiet",
            "--baseline", baseline);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("analysed 8 inputs (6 ok, 2 skipped) giving 4 captures\n", error);
        // The baseline of the print_maps group; grow's own group keeps its earlier snapshot.
        var programs = File.ReadAllLines(Path.Combine(Output, "programs.csv"));
        Assert.Contains("aslr-pair+run-1.maps,/tmp/forensics-corpus/bin/print_maps,modules,aslr-pair+run-2.maps,chosen,2,false,0", programs);
        Assert.Contains("grow+before.maps,/tmp/forensics-corpus/bin/grow,modules,grow+before.maps,earlier-snapshot,2,false,0", programs);
    }

    [Fact]
    public void The_baseline_is_a_path_as_given_on_the_command_line()
    {
        var (code, _, _) = Run("analyze", TestPaths.CorpusFile("aslr-pair"), "--out", Output, "--quiet",
            "--baseline", TestPaths.CorpusFile("aslr-pair", "run-2.maps"));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("run-2.maps (chosen)", File.ReadAllText(Path.Combine(Output, "index.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aslr-pair/run-3.maps")]
    [InlineData("aslr-pair/*.core")]
    public void A_baseline_path_or_glob_that_matches_no_input_is_refused_before_the_import_naming_the_closest(string baseline)
    {
        var (code, _, error) = Run("analyze", TestPaths.CorpusFile("aslr-pair"), TestPaths.CorpusFile("grow"), "--out", Output, "--quiet",
            "--baseline", baseline);

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.StartsWith("--baseline: [" + baseline + "] matches no input; the closest are [aslr-pair/run-1.maps], [aslr-pair/run-2.maps]",
            OneLine(error), StringComparison.Ordinal);
        // Nothing was imported: no result was kept, no report written.
        Assert.False(Directory.Exists(Path.Combine(Output, ResultFolder.FolderName)));
        Assert.False(File.Exists(Path.Combine(Output, "inputs.csv")));
    }

    [Fact]
    public void An_unknown_capture_id_is_refused_after_the_import_naming_the_closest_ids_and_no_unwritten_file()
    {
        var (code, _, error) = Run("analyze", TestPaths.CorpusFile("aslr-pair"), "--out", Output, "--quiet", "--baseline", "run-3-maps");

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal("--baseline: no capture has the id [run-3-maps]; the closest are [run-1.maps], [run-2.maps]; give one of the ids or an input's path.",
            OneLine(error));
        Assert.False(File.Exists(Path.Combine(Output, "captures.csv")));
    }
}

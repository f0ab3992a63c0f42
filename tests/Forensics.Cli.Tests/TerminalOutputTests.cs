using System.Text.RegularExpressions;
using Forensics.Cli.Terminal;
using Forensics.Pipeline;
using Forensics.Pipeline.Importing;
using Forensics.Reports;
using Forensics.Reports.Markdown;
using Forensics.TestSupport;
using Spectre.Console.Testing;

namespace Forensics.Cli.Tests;

public sealed partial class TerminalOutputTests : IDisposable
{
    private static readonly string CrashNullCore = TestPaths.CorpusFile("crash-null", "core.xz");
    private static readonly string LiveMaps = TestPaths.CorpusFile("live", "maps");

    private readonly string _scratch = Directory.CreateTempSubdirectory("forensics-terminal-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [GeneratedRegex(@"\e\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiSequence();

    private static TestConsole Terminal() => new TestConsole().Width(200).EmitAnsiSequences();

    private static string Screen(TestConsole console) => AnsiSequence().Replace(console.Output, "");

    private static (int Code, string Output) Redirected(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ForensicsCommandLine.Run(args, output, error);
        // stderr holds only the closing count of the inputs, as every command ends.
        Assert.Matches("^analysed [^\n]*\n$", error.ToString());
        return (code, output.ToString());
    }

    /// <summary>The lines of a section, from its heading to the next blank line.</summary>
    private static List<string> Section(string text, string heading) =>
        [.. text.Split('\n').SkipWhile(l => l != heading).Skip(2).TakeWhile(l => l.Length > 0)];

    private static void AssertNoMarkdown(string text)
    {
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\_", text, StringComparison.Ordinal);
        Assert.DoesNotContain("](", text, StringComparison.Ordinal);
        Assert.DoesNotContain("|---", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n# ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n## ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n- ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Crash_on_a_terminal_shows_the_verdict_in_colour_and_the_facts_without_markdown()
    {
        using var console = Terminal();

        var code = ForensicsCommandLine.CrashCommand([CrashNullCore], markdown: false, TextWriter.Null, TextWriter.Null, console);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"\e\[[0-9;]*mnull-pointer-dereference\e\[0m: Null-pointer dereference: access to 0x10", console.Output);
        var screen = Screen(console);
        Assert.StartsWith("core.xz\n\nCrash\n\n", screen, StringComparison.Ordinal);
        Assert.Equal(
            ["Signature: SIGSEGV in crash_null+0x1416 ← crash_null+0x14d3", "Signal: SIGSEGV (11), code SEGV_MAPERR", "Fault address: 0x10 in unmapped", "Crashing thread: 28823"],
            screen.Split('\n').SkipWhile(l => !l.StartsWith("Signature:", StringComparison.Ordinal)).Take(4));
        var threads = Section(screen, "Threads");
        Assert.Matches(@"^thread\s+crashing\s+signal\s+PC\s+PC in\s+SP\s+SP in\s*$", threads[0]);
        Assert.Matches(@"^28823\s+yes\s+11\s+0x557746708416\s+crash_null\+0x1416\s+0x7ffffd09a010\s+stack 0x7ffffd07b000\+0x1f010$", threads[1]);
        AssertNoMarkdown(screen);
    }

    [Fact]
    public void Show_on_a_terminal_lists_the_33_regions_of_a_maps_capture()
    {
        using var console = Terminal();

        var code = ForensicsCommandLine.ShowCommand([LiveMaps], markdown: false, TextWriter.Null, TextWriter.Null, console);

        Assert.Equal(ExitCodes.Success, code);
        var screen = Screen(console);
        Assert.Contains("\nRegions: 33, mapped 20480000 bytes (19.5 MiB)\n", screen, StringComparison.Ordinal);
        var regions = Section(screen, "Regions");
        Assert.Equal(34, regions.Count);
        Assert.Matches(@"^start\s+end\s+size\s+perms\s+offset\s+device\s+inode\s+kind\s+module\s+name\s*$", regions[0]);
        Assert.Matches(@"^0x55896fdf1000\s+0x55896fdf2000\s+4096\s+r--p\s+0x0\s+fe:00\s+11657861\s+rodata\s+live\s+/tmp/forensics-corpus/bin/live\s*$", regions[1]);
        Assert.StartsWith("0xffffffffff600000", regions[33], StringComparison.Ordinal);
        AssertNoMarkdown(screen);
    }

    [Fact]
    public void Redirected_output_is_plain_aligned_text_without_escape_sequences_or_markdown()
    {
        var (crashCode, crash) = Redirected("crash", CrashNullCore);
        var (showCode, show) = Redirected("show", LiveMaps);
        var (compareCode, compare) = Redirected("compare", TestPaths.CorpusFile("aslr-pair"));

        Assert.Equal([ExitCodes.Success, ExitCodes.Success, ExitCodes.Success], [crashCode, showCode, compareCode]);
        foreach (var text in new[] { crash, show, compare })
        {
            Assert.DoesNotContain('\u001b', text);
            Assert.DoesNotContain(" \n", text, StringComparison.Ordinal);
            AssertNoMarkdown(text);
        }
        Assert.Contains("\nnull-pointer-dereference: Null-pointer dereference: access to 0x10", crash, StringComparison.Ordinal);
        Assert.Contains("\nSignal: SIGSEGV (11), code SEGV_MAPERR\n", crash, StringComparison.Ordinal);
        Assert.Matches(@"\n28823   yes       11      0x557746708416  crash_null\+0x1416  ", crash);
        Assert.Equal(34, Section(show, "Regions").Count);
        Assert.Contains("same layout, different bases", compare, StringComparison.Ordinal);
    }

    /// <summary>
    /// A redirected report of plain text is laid out without Spectre: it must be the text Spectre lays out for the same
    /// report, line ends trimmed, for every capture of the corpus (paths, modules and texts with other characters
    /// included, which still go through Spectre).
    /// </summary>
    [Theory]
    [InlineData("crash")]
    [InlineData("show")]
    public void Redirected_output_is_the_text_spectre_lays_out(string command)
    {
        using var console = new TestConsole().Width(4096);
        var render = command == "crash"
            ? ForensicsCommandLine.CrashCommand([TestPaths.Corpus], markdown: false, TextWriter.Null, TextWriter.Null, console)
            : ForensicsCommandLine.ShowCommand([TestPaths.Corpus], markdown: false, TextWriter.Null, TextWriter.Null, console);
        using var output = new StringWriter();
        var code = ForensicsCommandLine.Run([command, TestPaths.Corpus], output, TextWriter.Null);

        var spectre = string.Join('\n', console.Output.Split('\n').Select(l => l.TrimEnd(' ')));
        Assert.Equal(render, code);
        Assert.True(output.ToString().Split('\n').Length > 1000, "the corpus's reports are thousands of lines");
        Assert.Equal(spectre, output.ToString());
    }

    [Fact]
    public void Format_md_prints_the_markdown_pages_of_the_reports()
    {
        // crash and show keep nothing, so they hash nothing: the page says so.
        var options = new PipelineOptions { Import = new ImportOptions { HashContent = false } };
        var run = AnalysisPipeline.Run(AnalysisPipeline.List([CrashNullCore], options.Import), options, ProgressReporter.Silent, new PhaseTimings());
        var prepared = new PreparedRun(run);

        var (crashCode, crash) = Redirected("crash", CrashNullCore, "--format", "md");
        var (showCode, show) = Redirected("show", CrashNullCore, "--format", "md");

        Assert.Equal([ExitCodes.Success, ExitCodes.Success], [crashCode, showCode]);
        Assert.Equal(CrashReportWriter.Write(prepared.Captures[0]), crash);
        Assert.Equal(CaptureReportWriter.Write(prepared, prepared.Captures[0]), show);
        Assert.Contains("- Signal: SIGSEGV (11), code SEGV\\_MAPERR\n", crash, StringComparison.Ordinal);
        Assert.Contains("| 28823 | yes | 11 |", crash, StringComparison.Ordinal);
        Assert.Contains("[back to the run summary](../index.md)", show, StringComparison.Ordinal);
        Assert.Contains("SHA-256: not computed\n", show, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_with_format_md_prints_compare_md()
    {
        var (code, compare) = Redirected("compare", TestPaths.CorpusFile("aslr-pair"), "--format", "md");

        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("# Comparison\n\n[back to the run summary](index.md)\n\n## Fleet summary\n\n2 captures of 1 program", compare, StringComparison.Ordinal);
        Assert.Contains("| /tmp/forensics-corpus/bin/print\\_maps | modules ×2 | 2 | 0 | run-1.maps (first-not-crashed) |", compare, StringComparison.Ordinal);
        Assert.Contains("| run-2.maps | run-1.maps | layout | same layout, different bases |", compare, StringComparison.Ordinal);
    }

    [Fact]
    public void A_format_other_than_md_is_bad_usage()
    {
        using var error = new StringWriter();

        var code = ForensicsCommandLine.Run(["show", LiveMaps, "--format", "csv"], TextWriter.Null, error);

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains("csv", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_of_one_name_in_two_folders_are_labelled_by_their_folder()
    {
        var first = Path.Combine(Directory.CreateDirectory(Path.Combine(_scratch, "a")).FullName, "maps");
        var second = Path.Combine(Directory.CreateDirectory(Path.Combine(_scratch, "b")).FullName, "maps");
        File.Copy(TestPaths.CorpusFile("aslr-pair", "run-1.maps"), first);
        File.Copy(TestPaths.CorpusFile("aslr-pair", "run-2.maps"), second);

        var (compareCode, compare) = Redirected("compare", first, second);
        var (showCode, show) = Redirected("show", first, second);

        Assert.Equal([ExitCodes.Success, ExitCodes.Success], [compareCode, showCode]);
        Assert.Contains("\nBaseline: a/maps (/tmp/forensics-corpus/bin/print_maps, 2 captures).\n", compare, StringComparison.Ordinal);
        // The anonymous memory after print_maps' and libc's data is `a`: a maps text has no p_memsz to call it their bss.
        Assert.Equal(["a/maps  |RTRrDaa~HH~aRRTTTRRrDa~aVvRTTRrD~SS~y|", "b/maps  |RTRrDaa~HH~aRRTTTRRrDa~aVvRTTRrD~SS~y|"], Section(compare, "Layouts"));
        Assert.Equal(["#1 a/maps", "#2 b/maps"], Section(compare, "Totals by kind").Take(2));
        Assert.Matches(@"^b/maps\s+a/maps\s+layout\s+same layout, different bases", Section(compare, "Changes")[1]);
        Assert.StartsWith("a/maps\n", show, StringComparison.Ordinal);
        Assert.Contains("\n\nb/maps\n\nSummary\n\nCapture id: maps-2\n", show, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_from_the_evidence_are_shown_not_obeyed()
    {
        var maps = Path.Combine(_scratch, "hostile.maps");
        File.WriteAllText(maps, """
            55896fdf1000-55896fdf2000 r--p 00000000 fe:00 11657861                   /tmp/evil\u001b[2J\u001b]0;pwned\u0007
            7fff421bf000-7fff421e0000 rw-p 00000000 00:00 0                          [stack]

            """.Replace("\\u001b", "\u001b", StringComparison.Ordinal).Replace("\\u0007", "\u0007", StringComparison.Ordinal));
        using var console = Terminal();

        ForensicsCommandLine.ShowCommand([maps], markdown: false, TextWriter.Null, TextWriter.Null, console);
        var (_, redirected) = Redirected("show", maps);

        Assert.DoesNotContain("\u001b[2J", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0007', console.Output);
        Assert.Contains("/tmp/evil\\u001b[2J\\u001b]0;pwned\\u0007", Screen(console), StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', redirected);
        Assert.Contains("/tmp/evil\\u001b[2J\\u001b]0;pwned\\u0007", redirected, StringComparison.Ordinal);
    }
}

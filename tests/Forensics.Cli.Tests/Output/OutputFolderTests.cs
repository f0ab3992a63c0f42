using System.Security.Cryptography;
using Forensics.Reports;
using Forensics.TestSupport;

namespace Forensics.Cli.Tests.Output;

/// <summary>The report writer replaces and removes only what it wrote: the output folder may hold evidence.</summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("forensics-out-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static (int Code, string Error) Analyze(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ForensicsCommandLine.Run(["analyze", .. args, "--quiet"], output, error);
        return (code, error.ToString());
    }

    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public void Reports_into_the_evidence_folder_itself_change_no_evidence_file()
    {
        // Evidence laid out like a report folder: a captures/ folder with a core and a maps, and an index.md of its own.
        var evidence = Directory.CreateDirectory(Path.Combine(_scratch, "evidence")).FullName;
        Directory.CreateDirectory(Path.Combine(evidence, "captures"));
        File.Copy(TestPaths.CorpusFile("crash-null", "core.xz"), Path.Combine(evidence, "captures", "core.xz"));
        File.Copy(TestPaths.CorpusFile("aslr-pair", "run-1.maps"), Path.Combine(evidence, "captures", "captures+core.xz.md"));
        File.WriteAllText(Path.Combine(evidence, "index.md"), "the analyst's own notes\n");
        var before = Hashes(evidence);

        var (code, error) = Analyze(evidence, "--out", evidence);

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal($"--out: [{evidence}] is the input folder [{evidence}] and holds files this tool did not write; give a new or empty folder outside the evidence.\n", error);
        Assert.Equal(before, Hashes(evidence));
        Assert.Equal(["captures", "index.md"], Directory.EnumerateFileSystemEntries(evidence).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_existing_folder_inside_the_evidence_is_refused_before_anything_is_read()
    {
        var evidence = Directory.CreateDirectory(Path.Combine(_scratch, "evidence")).FullName;
        File.Copy(TestPaths.CorpusFile("aslr-pair", "run-1.maps"), Path.Combine(evidence, "run-1.maps"));
        var notes = Directory.CreateDirectory(Path.Combine(evidence, "notes")).FullName;
        File.WriteAllText(Path.Combine(notes, "index.md"), "the analyst's own notes\n");

        var (code, error) = Analyze(evidence, "--out", notes);

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.StartsWith($"--out: [{notes}] lies inside the input folder [{evidence}]", error, StringComparison.Ordinal);
        Assert.Equal(["index.md"], Directory.EnumerateFileSystemEntries(notes).Select(Path.GetFileName));
    }

    [Fact]
    public void A_report_folder_inside_the_evidence_is_never_read_back_as_evidence()
    {
        var evidence = Directory.CreateDirectory(Path.Combine(_scratch, "evidence")).FullName;
        File.Copy(TestPaths.CorpusFile("aslr-pair", "run-1.maps"), Path.Combine(evidence, "run-1.maps"));
        File.Copy(TestPaths.CorpusFile("crash-null", "core.xz"), Path.Combine(evidence, "core.xz"));
        var reports = Path.Combine(evidence, "reports");

        Assert.Equal(ExitCodes.Success, Analyze(evidence, "--out", reports).Code);
        var first = File.ReadAllLines(Path.Combine(reports, "inputs.csv"));
        Assert.Equal(ExitCodes.Success, Analyze(evidence, "--out", reports).Code);
        var second = File.ReadAllLines(Path.Combine(reports, "inputs.csv"));

        Assert.Equal(3, first.Length);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_rerun_removes_only_the_reports_of_the_last_run()
    {
        var evidence = Directory.CreateDirectory(Path.Combine(_scratch, "evidence")).FullName;
        File.Copy(TestPaths.CorpusFile("aslr-pair", "run-1.maps"), Path.Combine(evidence, "run-1.maps"));
        File.Copy(TestPaths.CorpusFile("aslr-pair", "run-2.maps"), Path.Combine(evidence, "run-2.maps"));
        var output = Path.Combine(_scratch, "out");
        Assert.Equal(ExitCodes.Success, Analyze(evidence, "--out", output).Code);
        Assert.True(File.Exists(Path.Combine(output, "captures", "run-2.maps.md")));
        // The analyst keeps a note beside the pages; the next run must not take it for a stale page.
        File.WriteAllText(Path.Combine(output, "captures", "analyst-note.txt"), "checked by hand\n");

        File.Delete(Path.Combine(evidence, "run-2.maps"));
        Assert.Equal(ExitCodes.Success, Analyze(evidence, "--out", output).Code);

        Assert.False(File.Exists(Path.Combine(output, "captures", "run-2.maps.md")));
        Assert.False(File.Exists(Path.Combine(output, "captures", "run-2.maps.svg")));
        Assert.True(File.Exists(Path.Combine(output, "captures", "run-1.maps.md")));
        Assert.Equal("checked by hand\n", File.ReadAllText(Path.Combine(output, "captures", "analyst-note.txt")));
        var manifest = File.ReadAllLines(Path.Combine(output, ReportWriter.ManifestName));
        Assert.Contains("captures/run-1.maps.svg", manifest);
        Assert.DoesNotContain("captures/run-2.maps.md", manifest);
        Assert.False(Directory.Exists(Path.Combine(output, ".forensics-staging")));
    }

    [Fact]
    public void A_hostile_file_name_reaches_stderr_inert()
    {
        var evidence = Directory.CreateDirectory(Path.Combine(_scratch, "evidence")).FullName;
        File.WriteAllBytes(Path.Combine(evidence, "\u001b]0;PWNED\u0007\u001b[2J\u001b[31mevidence.maps"), []);

        var (code, error) = Analyze(evidence, "--out", Path.Combine(_scratch, "out"));

        Assert.Equal(ExitCodes.SomeInputsFailed, code);
        Assert.DoesNotContain('\u001b', error);
        Assert.DoesNotContain('\u0007', error);
        Assert.Contains("failed: \\u001b]0;PWNED\\u0007\\u001b[2J\\u001b[31mevidence.maps: error FX2001", error, StringComparison.Ordinal);
    }
}

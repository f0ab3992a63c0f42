using System.Security.Cryptography;
using Forensics.Analysis;
using Forensics.Reports.Tests.Parquet;
using Forensics.TestSupport;

namespace Forensics.Reports.Tests;

/// <summary>
/// How <see cref="ReportWriter"/> places a run's files: a folder without pages gets the staged pages whole, a folder
/// with pages gets them one by one, replacing its own and refusing to replace anyone else's.
/// </summary>
public sealed class ReportFolderTests : IDisposable
{
    private static readonly Lazy<AnalysisRun> PairAndPreload = new(() => Run(TestPaths.CorpusFile("aslr-pair"), TestPaths.CorpusFile("preload")));
    private static readonly Lazy<AnalysisRun> PairPreloadAndTicket = new(() => Run(TestPaths.CorpusFile("aslr-pair"), TestPaths.CorpusFile("preload"), TestPaths.CorpusFile("ticket")));

    /// <summary>What <see cref="PairAndPreload"/> writes, in the writer's order.</summary>
    private static readonly string[] PairAndPreloadFiles = ["index.md", "compare.md",
        "captures/aslr-pair+run-1.maps.md", "captures/aslr-pair+run-1.maps.svg", "captures/aslr-pair+run-2.maps.md", "captures/aslr-pair+run-2.maps.svg",
        "captures/preload+maps.md", "captures/preload+maps.svg"];

    private readonly string _output = Directory.CreateTempSubdirectory("forensics-report-folder-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private static AnalysisRun Run(params string[] folders)
    {
        var prepared = CorpusRun.Import(folders);
        return new AnalysisRun(prepared.Inputs, prepared.Captures, prepared.Comparison);
    }

    /// <summary>Every file below the folder, relative to it with <c>/</c>, and its SHA-256.</summary>
    private Dictionary<string, string> Files() =>
        Directory.EnumerateFiles(_output, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(_output, f).Replace(Path.DirectorySeparatorChar, '/'),
            f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));

    private string Manifest() => File.ReadAllText(Path.Combine(_output, ReportWriter.ManifestName));

    private static string ManifestOf(IEnumerable<string> names) => string.Concat(names.Order(StringComparer.Ordinal).Select(n => n + "\n"));

    [Fact]
    public void A_fresh_folder_gets_every_page_and_nothing_else()
    {
        var written = ReportWriter.Write(PairAndPreload.Value, _output, ReportFormats.Markdown);

        Assert.Equal(PairAndPreloadFiles, written);
        Assert.Equal([.. written.Append(ReportWriter.ManifestName).Order(StringComparer.Ordinal)], Files().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ManifestOf(written), Manifest());
        var page = File.ReadAllText(Path.Combine(_output, "captures", "preload+maps.md"));
        Assert.StartsWith("# ", page, StringComparison.Ordinal);
        Assert.Contains("libpreload", page, StringComparison.Ordinal);
        Assert.Equal([ReportWriter.ManifestName, "captures", "compare.md", "index.md"],
            Directory.EnumerateFileSystemEntries(_output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_rerun_replaces_its_pages_removes_the_stale_ones_and_keeps_the_analysts()
    {
        Assert.Contains("captures/ticket+incident-ticket.md~l97-134.svg", ReportWriter.Write(PairPreloadAndTicket.Value, _output, ReportFormats.Markdown));
        var page = Path.Combine(_output, "captures", "aslr-pair+run-1.maps.md");
        var fresh = File.ReadAllText(page);
        File.WriteAllText(page, "edited since\n");
        File.WriteAllText(Path.Combine(_output, "captures", "analyst-note.txt"), "checked by hand\n");

        var written = ReportWriter.Write(PairAndPreload.Value, _output, ReportFormats.Markdown);

        Assert.Equal(PairAndPreloadFiles, written);
        Assert.Equal(fresh, File.ReadAllText(page));
        Assert.False(File.Exists(Path.Combine(_output, "captures", "ticket+incident-ticket.md~l97-134.svg")));
        Assert.Equal("checked by hand\n", File.ReadAllText(Path.Combine(_output, "captures", "analyst-note.txt")));
        Assert.Equal([.. written.Append(ReportWriter.ManifestName).Append("captures/analyst-note.txt").Order(StringComparer.Ordinal)],
            Files().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ManifestOf(written), Manifest());
    }

    [Fact]
    public void A_foreign_page_in_an_existing_captures_folder_refuses_the_run_and_changes_nothing()
    {
        ReportWriter.Write(PairAndPreload.Value, _output, ReportFormats.Markdown);
        // The picture of the ticket's second capture, which the next run would write.
        var foreign = Path.Combine(_output, "captures", "ticket+incident-ticket.md~l53-89.svg");
        File.WriteAllText(foreign, "the analyst's own drawing\n");
        var before = Files();

        var refusal = Assert.Throws<ReportFolderConflictException>(() => ReportWriter.Write(PairPreloadAndTicket.Value, _output, ReportFormats.Markdown));

        Assert.Equal(foreign, refusal.Path);
        Assert.Equal(before, Files());
        Assert.Equal(ManifestOf(PairAndPreloadFiles), Manifest());
        Assert.Equal([ReportWriter.ManifestName, "captures", "compare.md", "index.md"],
            Directory.EnumerateFileSystemEntries(_output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}

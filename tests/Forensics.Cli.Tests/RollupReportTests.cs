using System.Text.Json;
using Forensics.TestSupport;

namespace Forensics.Cli.Tests;

/// <summary>
/// smaps_rollup's totals reach every report (issue 14, class 4): corpus/live, whose smaps_rollup (Rss 2632 kB, Pss
/// 1206 kB, Pss_Anon 1144 kB, Pss_File 54 kB, Shared_Clean 1464 kB) merges with the smaps, maps, pmap and gcore of the
/// same process into one capture, written as JSON, CSV and Markdown; each total the smaps can sum is checked against it.
/// </summary>
public sealed class RollupReportTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("forensics-rollup-").FullName;

    public RollupReportTests()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        ForensicsCommandLine.AnalyzeCommand([TestPaths.CorpusFile("live")], _output, null, "md,csv,json", ProgressReporter.Silent, stdout, stderr);
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void Rollup_totals_are_in_csv_json_and_markdown_and_checked_against_the_smaps()
    {
        var lines = File.ReadAllLines(Path.Combine(_output, "captures.csv"));
        var header = lines[0].Split(',');
        var row = Assert.Single(lines.Skip(1)).Split(',');
        string Cell(string column) => row[Array.IndexOf(header, column)];
        Assert.Equal(("2695168", "1234944", "1171456", "55296", "1499136"),
            (Cell("rollup_rss_bytes"), Cell("rollup_pss_bytes"), Cell("rollup_pss_anon_bytes"), Cell("rollup_pss_file_bytes"), Cell("rollup_shared_clean_bytes")));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "report.json")));
        var totals = json.RootElement.GetProperty("captures")[0].GetProperty("rollup_totals");
        Assert.Equal((2695168L, 1234944L, 8192L), (totals.GetProperty("rollup_rss_bytes").GetInt64(),
            totals.GetProperty("rollup_pss_bytes").GetInt64(), totals.GetProperty("rollup_pss_shmem_bytes").GetInt64()));

        // Rss is summed from the smaps records and matches; Pss_Anon has no per-record key in this kernel's smaps.
        var page = File.ReadAllText(Path.Combine(_output, "captures", "gcore.core.xz.md"));
        Assert.Contains("| smaps\\_rollup Rss | 2695168 | 2695168 | yes | line 2 |", page, StringComparison.Ordinal);
        Assert.Contains("| smaps\\_rollup Pss\\_Anon | 1171456 |  | not checkable | line 5 |", page, StringComparison.Ordinal);
    }
}

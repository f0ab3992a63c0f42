using System.Text.Json;
using Forensics.TestSupport;

namespace Forensics.Cli.Tests;

/// <summary>
/// A snapshot has no crashing thread in any report (issue 14, class 10): corpus/live/gcore.core.xz, gdb's gcore of the
/// live process 28571 with its three threads stopped by SIGSTOP, written as JSON, CSV and Markdown.
/// </summary>
public sealed class SnapshotReportTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("forensics-snapshot-").FullName;

    public SnapshotReportTests()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        ForensicsCommandLine.AnalyzeCommand([TestPaths.CorpusFile("live", "gcore.core.xz")], _output, null, "md,csv,json",
            ProgressReporter.Silent, stdout, stderr);
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void No_thread_is_crashing_in_json_csv_or_markdown()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "report.json")));
        var crash = json.RootElement.GetProperty("captures")[0].GetProperty("crash");
        Assert.Equal("no-crash", crash.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, crash.GetProperty("crashing_thread_id").ValueKind);
        var threads = crash.GetProperty("threads").EnumerateArray().ToList();
        Assert.Equal([28571L, 28579L, 28580L], threads.Select(t => t.GetProperty("tid").GetInt64()));
        Assert.All(threads, t => Assert.False(t.GetProperty("is_crashing").GetBoolean()));

        var frames = File.ReadAllLines(Path.Combine(_output, "frames.csv"));
        Assert.Equal(2, Array.IndexOf(frames[0].Split(','), "crashing"));
        Assert.All(frames.Skip(1), line => Assert.Equal("false", line.Split(',')[2]));

        var page = File.ReadAllText(Path.Combine(_output, "captures", "gcore.core.xz.md"));
        Assert.DoesNotContain("(crashing)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("| yes |", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Crashing thread", page, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using Forensics.TestSupport;

namespace Forensics.Cli.Tests;

/// <summary>
/// Issue 14 on real captures, in every report form (JSON, CSV, Markdown): the same finding over 300 alike regions is one
/// row per rule (class 12, corpus/jit-regions); a minidump's SIGABRT has no fault address and a createdump core names
/// no sender (class 9: tast's abort.20180103…dmp, corpus/dotnet-overflow/core.xz).
/// </summary>
public sealed class TruthReportTests : IDisposable
{
    private const string AbortDump = "abort.20180103.145440.12345.20827.dmp";
    private readonly string _output = Directory.CreateTempSubdirectory("forensics-truth-").FullName;

    public TruthReportTests()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        ForensicsCommandLine.AnalyzeCommand(
            [TestPaths.CorpusFile("jit-regions"), TestPaths.CorpusFile("public", "minidumps", "tast", AbortDump), TestPaths.CorpusFile("dotnet-overflow", "core.xz")],
            _output, null, "md,csv,json", ProgressReporter.Silent, stdout, stderr);
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    /// <summary>The capture whose input path is <paramref name="input"/> or ends in <c>/input</c>.</summary>
    private JsonElement Capture(string input)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "report.json")));
        return json.RootElement.GetProperty("captures").EnumerateArray()
            .Single(c => c.GetProperty("input").GetString() is { } path && (path == input || path.EndsWith("/" + input, StringComparison.Ordinal))).Clone();
    }

    private string Page(string id) => File.ReadAllText(Path.Combine(_output, Capture(id).GetProperty("report").GetString()!));

    private List<Dictionary<string, string>> Csv(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(_output, file));
        var header = lines[0].Split(',');
        // The columns asked for come before any free text, so splitting at commas reads them.
        return [.. lines.Skip(1).Select(l => l.Split(',')).Select(cells => header.Zip(cells).ToDictionary(p => p.First, p => p.Second))];
    }

    [Fact]
    public void Three_hundred_alike_rwx_regions_are_one_row_per_rule_in_json_csv_and_markdown()
    {
        const string First = "[300] regions alike, the first at 0x7f70a36e5000, 0x7f70a36e7000, 0x7f70a36e9000: ";
        var capture = Capture("jit-regions/gcore.core.xz");
        var id = capture.GetProperty("id").GetString()!;

        var json = capture.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("rule").GetString(), f.GetProperty("start").GetString(), f.GetProperty("message").GetString()!)).ToList();
        Assert.Equal(["wx-memory", "unusual-image-path", "anon-exec"], json.Select(f => f.Item1));
        Assert.All(json.Where(f => f.Item1 != "unusual-image-path"), f => Assert.Equal("0x7f70a36e5000", f.Item2));
        Assert.All(json.Where(f => f.Item1 != "unusual-image-path"), f => Assert.StartsWith(First, f.Item3, StringComparison.Ordinal));

        var csv = Csv("findings.csv").Where(r => r["capture_id"] == id).ToList();
        Assert.Equal(["wx-memory", "unusual-image-path", "anon-exec"], csv.Select(r => r["rule"]));
        Assert.Equal([("0x7f70a36e5000", "0x7f70a393c000"), ("0x7f70a36e5000", "0x7f70a393c000")],
            csv.Where(r => r["rule"] != "unusual-image-path").Select(r => (r["start"], r["end"])));
        Assert.Equal("3", Csv("captures.csv").Single(r => r["capture_id"] == id)["findings"]);

        var page = Page("jit-regions/gcore.core.xz");
        var rows = page.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("regions alike", StringComparison.Ordinal)).ToList();
        // The high finding is listed under the high-severity heading, the medium one in the table of the others.
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Contains("\\[300\\] regions alike, the first at 0x7f70a36e5000, 0x7f70a36e7000, 0x7f70a36e9000", r, StringComparison.Ordinal));
        Assert.Equal(["wx-memory", "anon-exec"], rows.Select(r => r.Split(" | ")[1]));
    }

    [Fact]
    public void A_minidumps_sigabrt_shows_no_fault_address_in_json_csv_or_markdown()
    {
        var capture = Capture(AbortDump);
        var crash = capture.GetProperty("crash");
        Assert.Equal(("SIGABRT", JsonValueKind.Null), (crash.GetProperty("signal").GetString(), crash.GetProperty("fault_address").ValueKind));

        var row = Csv("captures.csv").Single(r => r["capture_id"] == capture.GetProperty("id").GetString());
        Assert.Equal(("SIGABRT", ""), (row["signal"], row["fault_address"]));

        var page = Page(AbortDump);
        Assert.DoesNotContain("Fault address", page, StringComparison.Ordinal);
        Assert.DoesNotContain("fault address 0x0", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_createdump_core_names_no_sender_and_no_code_in_json_csv_or_markdown()
    {
        var capture = Capture("core.xz");
        var crash = capture.GetProperty("crash");
        Assert.Equal(("SIGABRT", JsonValueKind.Null, JsonValueKind.Null, 31163),
            (crash.GetProperty("signal").GetString(), crash.GetProperty("signal_code").ValueKind, crash.GetProperty("fault_address").ValueKind,
                crash.GetProperty("crashing_thread_id").GetInt32()));
        Assert.False(crash.TryGetProperty("sender_pid", out var sender) && sender.ValueKind != JsonValueKind.Null);

        var row = Csv("captures.csv").Single(r => r["capture_id"] == capture.GetProperty("id").GetString());
        Assert.Equal(("SIGABRT", "", "createdump core"), (row["signal"], row["fault_address"], row["variant"]));

        var page = Page("core.xz");
        Assert.Contains("- Signal: SIGABRT (6)\n", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Sent by", page, StringComparison.Ordinal);
        Assert.DoesNotContain("SI\\_USER", page, StringComparison.Ordinal);
        Assert.Contains("si\\_code, the fault address and the sender are unknown\\: createdump wrote the siginfo with no si\\_code", page, StringComparison.Ordinal);
    }
}

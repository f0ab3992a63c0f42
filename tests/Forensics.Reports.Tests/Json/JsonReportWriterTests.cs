using System.Text.Json;
using Forensics.Reports.Json;
using Forensics.Reports.Tables;
using Forensics.Reports.Tests.Parquet;

namespace Forensics.Reports.Tests.Json;

public sealed class JsonReportWriterTests
{
    private static readonly Lazy<JsonDocument> Document = new(() => JsonDocument.Parse(JsonReportWriter.Write(CorpusRun.Prepared)));

    private static JsonElement Root => Document.Value.RootElement;

    private static IEnumerable<string?> JsonNames(ReportTable table) => table.Columns.Where(c => c.JsonName is not null).Select(c => c.JsonName);

    private static JsonElement Capture(string id) =>
        Root.GetProperty("captures").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    [Fact]
    public void A_region_object_has_the_fields_of_the_regions_table_with_hex_addresses_and_numeric_sizes()
    {
        var region = Capture("live+gcore.core.xz").GetProperty("regions").EnumerateArray()
            .Single(r => r.GetProperty("start").GetString() == "0x55896fdf1000");

        Assert.Equal(JsonNames(ReportTables.Regions), region.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["start", "end", "size", "perms", "offset", "device", "inode", "name", "deleted", "kind", "module",
            "rss_bytes", "dirty_bytes", "swap_bytes", "dumped_bytes", "sources"], JsonNames(ReportTables.Regions));
        Assert.Equal(("0x55896fdf2000", 4096UL, "0x0", 11657861UL, "rodata"),
            (region.GetProperty("end").GetString(), region.GetProperty("size").GetUInt64(), region.GetProperty("offset").GetString(),
             region.GetProperty("inode").GetUInt64(), region.GetProperty("kind").GetString()));
        // A kernel core gives no device, inode or RSS for a region: null, as the CSV cell is empty.
        var core = Capture("crash-null+core.xz").GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("start").GetString() == "0x557746707000");
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null, 4096UL),
            (core.GetProperty("device").ValueKind, core.GetProperty("inode").ValueKind, core.GetProperty("rss_bytes").ValueKind, core.GetProperty("dumped_bytes").GetUInt64()));
    }

    [Fact]
    public void A_module_object_names_the_module_name_and_keeps_its_build_id()
    {
        var libc = Capture("crash-null+core.xz").GetProperty("modules").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "libc.so.6");

        Assert.Equal(["name", "path", "base", "end", "size", "build_id", "path_is_basename", "path_truncated", "deleted", "main_executable"], libc.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("0x7f63582d5000", 1974272UL, "93ac61ec5a8eb1396f9fbd350e3169a558528a40"),
            (libc.GetProperty("base").GetString(), libc.GetProperty("size").GetUInt64(), libc.GetProperty("build_id").GetString()));
    }

    [Fact]
    public void Inputs_take_their_table_fields_then_their_capture_ids_and_diagnostics_whole()
    {
        var pmap = Root.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("path").GetString() == "bad-inputs/truncated.pmap-x.txt");

        Assert.Equal([.. JsonNames(ReportTables.Inputs), "capture_ids", "diagnostics"], pmap.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("partial", "corrupt"), (pmap.GetProperty("status").GetString(), pmap.GetProperty("problem").GetString()));
        var diagnostic = Capture(pmap.GetProperty("capture_ids")[0].GetString()!).GetProperty("diagnostics").EnumerateArray()
            .Single(d => d.GetProperty("id").GetString() == "FX1020");
        Assert.Equal(JsonNames(ReportTables.Diagnostics), diagnostic.EnumerateObject().Select(p => p.Name));
        Assert.Equal((20, JsonValueKind.Null), (diagnostic.GetProperty("line").GetInt32(), diagnostic.GetProperty("offset").ValueKind));
    }

    [Fact]
    public void Comparison_rows_are_the_comparison_table_without_the_baseline_given_once_above_them()
    {
        var comparison = Root.GetProperty("comparison");
        var rows = comparison.GetProperty("rows").EnumerateArray().ToList();

        Assert.Equal(CorpusRun.Prepared.ComparisonRows.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(["capture_id", "subject", "change", "baseline_value", "value", "delta"], r.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(CorpusRun.Prepared.BaselineId, comparison.GetProperty("baseline_id").GetString());
    }

    [Fact]
    public void Each_program_group_has_its_id_evidence_baseline_and_members()
    {
        var groups = Root.GetProperty("comparison").GetProperty("groups").EnumerateArray().ToList();

        Assert.Equal(CorpusRun.Prepared.Comparison!.Groups.Count, groups.Count);
        var crashNull = Assert.Single(groups, g => g.GetProperty("program").GetString() == "/tmp/forensics-corpus/bin/crash_null");
        Assert.Equal(["id", "program", "evidence", "baseline_id", "baseline_reason", "successive_snapshots", "members"], crashNull.EnumerateObject().Select(p => p.Name));
        // The kernel core in four compressions and its copy cut at 64 KiB among the bad inputs, every one crashed: the first is the baseline.
        Assert.Equal(("bad-inputs+truncated-64k.core.xz", "build-id", "bad-inputs+truncated-64k.core.xz", "first", true),
            (crashNull.GetProperty("id").GetString(), crashNull.GetProperty("evidence").GetString(), crashNull.GetProperty("baseline_id").GetString(),
             crashNull.GetProperty("baseline_reason").GetString(), crashNull.GetProperty("successive_snapshots").GetBoolean()));
        Assert.Equal(
            [("bad-inputs+truncated-64k.core.xz", "build-id", true), ("crash-null+core.gz", "build-id", true), ("crash-null+core.lz4", "build-id", true), ("crash-null+core.xz", "build-id", true), ("crash-null+core.zst", "build-id", true)],
            crashNull.GetProperty("members").EnumerateArray().Select(m => (m.GetProperty("capture_id").GetString(), m.GetProperty("evidence").GetString(), m.GetProperty("crashed").GetBoolean())));
    }
}

using Forensics.Importers.Text;
using Forensics.Model;

namespace Forensics.Importers.Tests.Text;

public sealed class SmapsParserTests
{
    private static ulong Sum(CaptureBuilder capture, Func<RegionMetrics, ulong?> key) =>
        capture.Regions.Aggregate(0UL, (total, r) => total + (key(r.Metrics!) ?? 0));

    private static ulong Other(Region region, string key) => region.Metrics!.Other.Single(p => p.Key == key).Value;

    [Fact]
    public void Hello_smaps_sums_match_the_manifest_in_bytes()
    {
        var capture = TextSamples.Parse(TextSamples.Local("set-hello", "smaps"), CaptureFormat.Smaps);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal(39, capture.Regions.Count);
        Assert.All(capture.Regions, r => Assert.Equal(RegionSources.Smaps, r.Sources));
        Assert.Equal(28252UL * 1024, capture.MappedBytes);
        Assert.Equal(2716UL * 1024, Sum(capture, m => m.Rss));
        Assert.Equal(1386UL * 1024, Sum(capture, m => m.Pss));
        Assert.Equal(1528UL * 1024, Sum(capture, m => m.SharedClean));
        Assert.Equal(16UL * 1024, Sum(capture, m => m.PrivateClean));
        Assert.Equal(1172UL * 1024, Sum(capture, m => m.PrivateDirty));
        Assert.Equal(1172UL * 1024, Sum(capture, m => m.Dirty));
        Assert.Equal(1164UL * 1024, Sum(capture, m => m.Anonymous));
        Assert.Equal(0UL, Sum(capture, m => m.Swap));
    }

    [Fact]
    public void Heap_record_keeps_every_key_by_name_and_its_vmflags()
    {
        var capture = TextSamples.Parse(TextSamples.Local("set-hello", "smaps"), CaptureFormat.Smaps);

        var heap = TextSamples.Single(capture, 0x55f5efaae000);
        Assert.Equal("[heap]", heap.Name);
        Assert.Equal(0x55f5efacf000UL, heap.End);
        Assert.Equal(SourceLocation.AtLine(151), heap.Location);
        Assert.Equal("rd wr mr mw me ac", heap.VmFlags);
        Assert.Equal(12UL * 1024, heap.Metrics!.Rss);
        Assert.Equal(12UL * 1024, heap.Metrics.Anonymous);
        Assert.Equal(132UL * 1024, Other(heap, "Size"));
        Assert.Equal(4UL * 1024, Other(heap, "KernelPageSize"));
        Assert.Equal(0UL, Other(heap, "THPeligible"));
        // 23 keys: 9 named in the model, 14 kept as others (Size, KernelPageSize, ..., THPeligible).
        Assert.Equal(14, heap.Metrics.Other.Count);
        Assert.Equal(39, capture.Regions.Count(r => r.VmFlags is not null));
    }

    [Fact]
    public void Prometheus_smaps_sums_equal_its_rollup()
    {
        var capture = TextSamples.Parse(TextSamples.Public("prometheus-procfs_26231_smaps"), CaptureFormat.Smaps);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal(12, capture.Regions.Count);
        Assert.Equal(0x400000UL, capture.Regions[0].Start);
        Assert.Equal(0xcb1000UL, capture.Regions[0].End);
        Assert.Equal("/bin/alertmanager", capture.Regions[0].Name);
        Assert.Equal("rd ex mr mw me dw sd", capture.Regions[0].VmFlags);
        var goHeap = TextSamples.Single(capture, 0xc000000000);
        Assert.Null(goHeap.Name);
        Assert.Equal(0xc000400000UL, goHeap.End);
        Assert.Equal(0xffffffffff601000UL, capture.Regions[^1].End);
        Assert.Equal(29948UL * 1024, Sum(capture, m => m.Rss));
        Assert.Equal(29944UL * 1024, Sum(capture, m => m.Pss));
        Assert.Equal(1940UL * 1024, Sum(capture, m => m.Swap));
        Assert.Equal(20756UL * 1024, Sum(capture, m => m.Anonymous));
        Assert.Equal(5848UL * 1024, capture.Regions.Aggregate(0UL, (total, r) => total + Other(r, "LazyFree")));

        var rollup = TextSamples.Parse(TextSamples.Public("prometheus-procfs_26231_smaps_rollup"), CaptureFormat.SmapsRollup);
        Assert.Equal(Sum(capture, m => m.Rss), rollup.Totals!.Rss);
        Assert.Equal(Sum(capture, m => m.Swap), rollup.Totals.Swap);
    }

    [Fact]
    public void Rollup_becomes_capture_totals_without_regions()
    {
        var capture = TextSamples.Parse(TextSamples.Local("set-hello", "smaps_rollup"), CaptureFormat.SmapsRollup);

        Assert.Equal(CaptureFormat.SmapsRollup, capture.Format);
        Assert.Empty(capture.Regions);
        Assert.Equal("kernel smaps_rollup of 55f5da648000-7ffc9a2e2000", capture.Variant);
        var range = Assert.Single(capture.Diagnostics.Items);
        Assert.Equal(DiagnosticCatalogue.RollupRange.Id, range.Id);
        Assert.Equal(DiagnosticSeverity.Info, range.Severity);
        var totals = capture.Totals!;
        Assert.Equal(2716UL * 1024, totals.Rss);
        Assert.Equal(1394UL * 1024, totals.Pss);
        Assert.Equal(1528UL * 1024, totals.SharedClean);
        Assert.Equal(16UL * 1024, totals.PrivateClean);
        Assert.Equal(1172UL * 1024, totals.PrivateDirty);
        Assert.Equal(1172UL * 1024, totals.Dirty);
        Assert.Equal(1164UL * 1024, totals.Anonymous);
        Assert.Equal(0UL, totals.Locked);
        Assert.Contains(new KeyValuePair<string, ulong>("Pss_Anon", 1164UL * 1024), totals.Other);
        Assert.Contains(new KeyValuePair<string, ulong>("Pss_File", 222UL * 1024), totals.Other);
        Assert.Contains(new KeyValuePair<string, ulong>("Pss_Shmem", 8UL * 1024), totals.Other);
        Assert.Equal((0x55f5da648000UL, 0x7ffc9a2e2000UL), capture.TotalsRange);
        // Each total the reports carry is declared with its line, not checkable until the smaps of the instance joins.
        Assert.Equal(RegionMetrics.TotalKeys.Select(k => "smaps_rollup " + k), capture.DeclaredTotals.Select(t => t.Name));
        Assert.All(capture.DeclaredTotals, t => Assert.Equal((false, (ulong?)null), (t.Checkable, t.ComputedBytes)));
        var rss = capture.DeclaredTotals[0];
        Assert.Equal((2716UL * 1024, SourceLocation.AtLine(2)), (rss.DeclaredBytes, rss.Location));
        Assert.Equal(1164UL * 1024, totals.ByKey("Pss_Anon"));
    }

    [Fact]
    public void Prometheus_rollup_header_covers_the_gate_vma()
    {
        var capture = TextSamples.Parse(TextSamples.Public("prometheus-procfs_26231_smaps_rollup"), CaptureFormat.SmapsRollup);

        Assert.Equal("kernel smaps_rollup of 400000-ffffffffff601000", capture.Variant);
        Assert.Equal(29948UL * 1024, capture.Totals!.Rss);
        Assert.Equal(29944UL * 1024, capture.Totals.Pss);
        Assert.Equal(4UL * 1024, capture.Totals.SharedClean);
        Assert.Equal(15548UL * 1024, capture.Totals.PrivateClean);
        Assert.Equal(14396UL * 1024, capture.Totals.PrivateDirty);
        Assert.Equal(20756UL * 1024, capture.Totals.Anonymous);
        Assert.Equal(1940UL * 1024, capture.Totals.Swap);
    }

    [Fact]
    public void Old_kernel_key_order_unaligned_thpeligible_and_protection_key_are_read_by_name()
    {
        // Kernels ≤ 4.13 print KernelPageSize/MMUPageSize after SwapPss; before 6.6 THPeligible was unaligned;
        // ProtectionKey has no unit (docs/formats.md#smaps-records). Built from those rules: no sample shows them.
        const string text =
            "00400000-00401000 r-xp 00000000 08:01 1234                               /usr/bin/old\n" +
            "Size:                  4 kB\n" +
            "Rss:                   4 kB\n" +
            "Pss:                   2 kB\n" +
            "Shared_Clean:          4 kB\n" +
            "Shared_Dirty:          0 kB\n" +
            "Private_Clean:         0 kB\n" +
            "Private_Dirty:         0 kB\n" +
            "Referenced:            4 kB\n" +
            "Anonymous:             0 kB\n" +
            "Swap:                  0 kB\n" +
            "SwapPss:               0 kB\n" +
            "KernelPageSize:        4 kB\n" +
            "MMUPageSize:           4 kB\n" +
            "Locked:                0 kB\n" +
            "THPeligible:    1\n" +
            "ProtectionKey:         3\n" +
            "VmFlags: rd ex mr mw me dw sd \n";
        var capture = TextCaptureParsers.Parse(CaptureFormat.Smaps, text, firstLine: 5);

        Assert.Empty(capture.Diagnostics.Items);
        var region = Assert.Single(capture.Regions);
        Assert.Equal(SourceLocation.AtLine(5), region.Location);
        Assert.Equal(4096UL, region.Metrics!.Rss);
        Assert.Equal(2048UL, region.Metrics.Pss);
        Assert.Equal(4096UL, region.Metrics.SharedClean);
        Assert.Equal(0UL, region.Metrics.Dirty);
        Assert.Equal(1UL, Other(region, "THPeligible"));
        Assert.Equal(3UL, Other(region, "ProtectionKey"));
        Assert.Equal(4096UL, Other(region, "MMUPageSize"));
        Assert.Equal("rd ex mr mw me dw sd", region.VmFlags);
    }

    [Fact]
    public void Size_that_disagrees_with_the_range_and_a_bad_key_line_are_reported()
    {
        const string text =
            "00400000-00402000 r-xp 00000000 08:01 1234                               /usr/bin/old\n" +
            "Size:                  4 kB\n" +
            "Rss:               four kB\n";
        var capture = TextCaptureParsers.Parse(CaptureFormat.Smaps, text);

        Assert.Equal([DiagnosticCatalogue.SmapsKeyMalformed.Id, DiagnosticCatalogue.SmapsSizeMismatch.Id], capture.Diagnostics.Items.Select(d => d.Id));
        Assert.Equal(SourceLocation.AtLine(3), capture.Diagnostics.Items[0].Location);
        Assert.Equal("smaps Size [4096] bytes differs from the range's [8192] bytes", capture.Diagnostics.Items[1].Message);
    }
}

using Forensics.Importers.Text;
using Forensics.Model;

namespace Forensics.Importers.Tests.Text;

public sealed class PmapParserTests
{
    private static void AssertTotals(CaptureBuilder capture, params (string Name, ulong KiB)[] expected)
    {
        Assert.Equal(expected.Select(e => e.Name), capture.DeclaredTotals.Select(t => t.Name));
        foreach (var (name, kib) in expected)
        {
            var total = capture.DeclaredTotals.Single(t => t.Name == name);
            Assert.Equal(kib * 1024, total.DeclaredBytes);
            Assert.True(total.Matches, $"{name}: declared {total.DeclaredBytes}, computed {total.ComputedBytes}");
        }
    }

    [Fact]
    public void Hello_default_pmap_total_line_equals_sum_of_sizes()
    {
        var capture = TextSamples.Parse(TextSamples.Local("set-hello", "pmap.txt"), CaptureFormat.Pmap);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal("procps-ng default", capture.Variant);
        Assert.Equal(16367, capture.Pid);
        Assert.Equal("/opt/forensic/demo/hello", capture.CommandLine);
        Assert.Equal("hello", capture.ProcessName);
        Assert.Equal(39, capture.Regions.Count);
        Assert.Equal((0x55f5da648000UL, 0x55f5da649000UL), (capture.Regions[0].Start, capture.Regions[0].End));
        Assert.Equal((0xffffffffff600000UL, 0xffffffffff601000UL), (capture.Regions[^1].Start, capture.Regions[^1].End));
        AssertTotals(capture, ("total", 28252));

        var exe = capture.Regions[0];
        Assert.Equal("hello", exe.Name);
        Assert.True(exe.NameIsBasename);
        Assert.Equal("r--p", exe.Permissions.ToString());
        Assert.Null(exe.Offset);
        Assert.Equal(RegionSources.Pmap, exe.Sources);
        Assert.Equal(SourceLocation.AtLine(2), exe.Location);

        var memfd = TextSamples.Single(capture, 0x7f1f1eebb000);
        Assert.Equal("memfd:hello-memfd", memfd.Name);
        Assert.True(memfd.Deleted);
        Assert.Equal("rw-s", memfd.Permissions.ToString());
        var stack = TextSamples.Single(capture, 0x7ffc9a2c1000);
        Assert.Equal("[stack]", stack.Name);
        Assert.False(stack.NameIsBasename);
        Assert.Null(capture.Regions[^1].Name);
    }

    [Fact]
    public void Hello_pmap_x_totals_row_equals_column_sums()
    {
        var capture = TextSamples.Parse(TextSamples.Local("set-hello", "pmap-x.txt"), CaptureFormat.PmapExtended);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal("procps-ng -x", capture.Variant);
        Assert.Equal(39, capture.Regions.Count);
        AssertTotals(capture, ("total Kbytes", 28252), ("total RSS", 2716), ("total Dirty", 1172));
        var stack = TextSamples.Single(capture, 0x7ffc9a2c1000);
        Assert.Equal(16UL * 1024, stack.Metrics!.Rss);
        Assert.Equal(16UL * 1024, stack.Metrics.Dirty);
        Assert.Equal(SourceLocation.AtLine(40), stack.Location);
    }

    [Fact]
    public void Hello_pmap_d_mapped_writeable_private_and_shared_equal_computed_sums()
    {
        var capture = TextSamples.Parse(TextSamples.Local("set-hello", "pmap-d.txt"), CaptureFormat.PmapExtended);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal("procps -d", capture.Variant);
        Assert.Equal(39, capture.Regions.Count);
        AssertTotals(capture, ("mapped", 28252), ("writeable/private", 26040), ("shared", 28));
        var cow = TextSamples.Single(capture, 0x7f1f1f1a9000);
        Assert.Equal("hello-mapped.dat", cow.Name);
        Assert.Equal(0x1000UL, cow.Offset);
        Assert.Equal("0fe:00000", cow.Device);
        Assert.Equal("rw-p", cow.Permissions.ToString());
        Assert.Equal("000:00001", TextSamples.Single(capture, 0x7f1f1eeb9000).Device);
    }

    [Fact]
    public void Hello_pmap_X_dynamic_columns_are_mapped_by_header_name()
    {
        var capture = TextSamples.Parse(TextSamples.Local("set-hello", "pmap-X.txt"), CaptureFormat.PmapExtended);

        Assert.Equal("procps-ng -X", capture.Variant);
        Assert.Equal(39, capture.Regions.Count);
        Assert.Equal(28252UL * 1024, capture.MappedBytes);
        var heap = TextSamples.Single(capture, 0x55f5efaae000);
        Assert.Equal("[heap]", heap.Name);
        Assert.Equal(0x55f5efacf000UL, heap.End);
        Assert.Equal("rw-p", heap.Permissions.ToString());
        Assert.Equal("00:00", heap.Device);
        Assert.Equal(0UL, heap.Inode);
        Assert.Equal(12UL * 1024, heap.Metrics!.Rss);
        var exe = capture.Regions[0];
        Assert.Equal("hello", exe.Name);
        Assert.True(exe.NameIsBasename);
        Assert.Equal(11665551UL, exe.Inode);
        Assert.Equal("fe:00", exe.Device);
        Assert.Null(TextSamples.Single(capture, 0x55f5da64e000).Name);
        Assert.Equal(15, capture.DeclaredTotals.Count);
        Assert.Equal(28252UL * 1024, capture.DeclaredTotals.Single(t => t.Name == "total Size").DeclaredBytes);
        Assert.Equal(2716UL * 1024, capture.DeclaredTotals.Single(t => t.Name == "total Rss").DeclaredBytes);
        Assert.All(capture.DeclaredTotals, t => Assert.True(t.Matches, t.Name));
        Assert.Empty(capture.Diagnostics.Items);
    }

    [Fact]
    public void Hello_pmap_XX_reads_vmflags_between_right_justified_columns()
    {
        var capture = TextSamples.Parse(TextSamples.Local("set-hello", "pmap-XX.txt"), CaptureFormat.PmapExtended);

        Assert.Equal("procps-ng -XX", capture.Variant);
        Assert.Equal(39, capture.Regions.Count);
        Assert.Equal("rd mr mw me", capture.Regions[0].VmFlags);
        var heap = TextSamples.Single(capture, 0x55f5efaae000);
        Assert.Equal("rd wr mr mw me ac", heap.VmFlags);
        Assert.Equal("[heap]", heap.Name);
        Assert.Equal(12UL * 1024, heap.Metrics!.PrivateDirty);
        Assert.Equal("[vsyscall]", capture.Regions[^1].Name);
        Assert.Equal(28252UL * 1024, capture.DeclaredTotals.Single(t => t.Name == "total Size").DeclaredBytes);
        Assert.All(capture.DeclaredTotals, t => Assert.True(t.Matches, t.Name));
        Assert.Empty(capture.Diagnostics.Items);
    }

    [Fact]
    public void Zsh_default_sample_total_equals_sum_and_login_shell_name_is_kept()
    {
        var capture = TextSamples.Parse(TextSamples.Public("mrdrivingduck_zsh_pmap_default.txt"), CaptureFormat.Pmap);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal(10, capture.Pid);
        Assert.Equal("-zsh", capture.CommandLine);
        Assert.Equal("zsh", capture.ProcessName);
        Assert.Equal(129, capture.Regions.Count);
        Assert.Equal(0x5575663f0000UL, capture.Regions[0].Start);
        Assert.Equal(92UL * 1024, capture.Regions[0].Size);
        Assert.Equal("zsh", capture.Regions[0].Name);
        Assert.Equal(0x7ffc8c7f6000UL + 8 * 1024, capture.Regions[^1].End);
        AssertTotals(capture, ("total", 12308));
        Assert.Contains(capture.Regions, r => r.Permissions.ToString() == "r--s");
    }

    [Fact]
    public void Zsh_x_sample_totals_row_equals_column_sums()
    {
        var capture = TextSamples.Parse(TextSamples.Public("mrdrivingduck_zsh_pmap_x.txt"), CaptureFormat.PmapExtended);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal(1245, capture.Pid);
        Assert.Equal(122, capture.Regions.Count);
        AssertTotals(capture, ("total Kbytes", 9396), ("total RSS", 7792), ("total Dirty", 3248));
    }

    [Fact]
    public void Mulling_d_sample_with_nvme_devices_reproduces_its_footer()
    {
        var capture = TextSamples.Parse(TextSamples.Public("Mulling_st-dyn_pmap_d.txt"), CaptureFormat.PmapExtended);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal(24430, capture.Pid);
        Assert.Equal("st-dyn", capture.ProcessName);
        Assert.Equal(142, capture.Regions.Count);
        var text = capture.Regions[1];
        Assert.Equal(0x648c6a2a7000UL, text.Start);
        Assert.Equal(56UL * 1024, text.Size);
        Assert.Equal("r-xp", text.Permissions.ToString());
        Assert.Equal(0x5000UL, text.Offset);
        Assert.Equal("103:00002", text.Device);
        Assert.Equal("st-dyn", text.Name);
        AssertTotals(capture, ("mapped", 17940), ("writeable/private", 2380), ("shared", 1132));
    }

    [Fact]
    public void Big_pmap_files_of_20027_rows_match_their_totals()
    {
        var plain = TextSamples.Parse(TextSamples.Local("set-big", "pmap.txt"), CaptureFormat.Pmap);
        Assert.Equal(20027, plain.Regions.Count);
        Assert.Equal("/opt/forensic/demo/big 20000", plain.CommandLine);
        Assert.Equal("big", plain.ProcessName);
        AssertTotals(plain, ("total", 82552));

        var extended = TextSamples.Parse(TextSamples.Local("set-big", "pmap-x.txt"), CaptureFormat.PmapExtended);
        Assert.Equal(20027, extended.Regions.Count);
        AssertTotals(extended, ("total Kbytes", 82552), ("total RSS", 41596), ("total Dirty", 40096));

        var device = TextSamples.Parse(TextSamples.Local("set-big", "pmap-d.txt"), CaptureFormat.PmapExtended);
        Assert.Equal(20027, device.Regions.Count);
        AssertTotals(device, ("mapped", 82552), ("writeable/private", 40420), ("shared", 0));
    }

    [Fact]
    public void Truncated_pmap_gives_a_declared_total_mismatch()
    {
        var lines = TextSamples.Local("set-hello", "pmap.txt").Split('\n').ToList();
        lines.RemoveRange(10, 5); // rows of lines 11-15: 4K + 4K + 4K + 8K + 8K... gone
        var capture = TextCaptureParsers.Parse(CaptureFormat.Pmap, string.Join('\n', lines));

        Assert.Equal(34, capture.Regions.Count);
        var total = Assert.Single(capture.DeclaredTotals);
        Assert.False(total.Matches);
        Assert.Equal(28252UL * 1024, total.DeclaredBytes);
        Assert.Equal(capture.MappedBytes, total.ComputedBytes);
        var warning = Assert.Single(capture.Diagnostics.Items);
        Assert.Equal(DiagnosticCatalogue.PmapTotalMismatch.Id, warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(SourceLocation.AtLine(36), warning.Location);
        Assert.StartsWith("pmap declares total [28252] KiB but its rows add up to [", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pmap_x_cut_before_its_footer_is_reported_as_truncated()
    {
        var text = string.Join('\n', TextSamples.Local("set-hello", "pmap-x.txt").Split('\n')[..20]);
        var capture = TextCaptureParsers.Parse(CaptureFormat.PmapExtended, text);

        Assert.Equal(18, capture.Regions.Count);
        Assert.Empty(capture.DeclaredTotals);
        var warning = Assert.Single(capture.Diagnostics.Items);
        Assert.Equal(DiagnosticCatalogue.PmapFooterMissing.Id, warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
    }
}

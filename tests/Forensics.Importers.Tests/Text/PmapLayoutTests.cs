using Forensics.Importers.Text;
using Forensics.Model;

namespace Forensics.Importers.Tests.Text;

/// <summary>
/// pmap layouts no sample shows, built line by line from the printf formats of the
/// busybox, toybox and procps 3.2/3.3 sources (docs/formats.md#pmap-older-procps, busybox, toybox).
/// </summary>
public sealed class PmapLayoutTests
{
    private static ulong KiB(ulong kib) => kib * 1024;

    [Fact]
    public void Busybox_default_built_from_formats_md_keeps_full_names_and_raw_modes()
    {
        const string text =
            "9967: ./maptest\n" +
            "000055c2a8ca9000       4K r--p  /home/user/demo/maptest\n" +
            "000055c2cb49d000     132K rw-p  [heap]\n" +
            "00007f8548a44000       4K rw-s  /dev/zero (deleted)\n" +
            "00007f854803f000       4K ---p    [ anon ]\n" +
            " total               144K\n";
        var capture = TextSamples.Parse(text, CaptureFormat.Pmap);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal("busybox", capture.Variant);
        Assert.Equal(9967, capture.Pid);
        Assert.Equal("maptest", capture.ProcessName);
        Assert.Equal(4, capture.Regions.Count);
        Assert.Equal("/home/user/demo/maptest", capture.Regions[0].Name);
        Assert.False(capture.Regions[0].NameIsBasename);
        Assert.Equal("r--p", capture.Regions[0].Permissions.ToString());
        Assert.Equal("[heap]", capture.Regions[1].Name);
        Assert.Equal("/dev/zero", capture.Regions[2].Name);
        Assert.True(capture.Regions[2].Deleted);
        Assert.Equal("rw-s", capture.Regions[2].Permissions.ToString());
        Assert.Null(capture.Regions[3].Name);
        var total = Assert.Single(capture.DeclaredTotals);
        Assert.Equal(("total", KiB(144), KiB(144)), (total.Name, total.DeclaredBytes, total.ComputedBytes));
    }

    [Fact]
    public void Busybox_x_built_from_formats_md_reads_pss_private_dirty_and_swap()
    {
        const string text =
            "9967: ./maptest\n" +
            "Address\t\t  Kbytes     PSS   Dirty    Swap  Mode  Mapping\n" +
            "000055c2a8ca9000       4       2       0       0 r--p  /home/user/demo/maptest\n" +
            "000055c2cb49d000     132      12      12       8 rw-p  [heap]\n" +
            "----------------  ------  ------  ------  ------\n" +
            "total kB             136      14      12       8\n";
        var capture = TextSamples.Parse(text, CaptureFormat.PmapExtended);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal("busybox -x", capture.Variant);
        var heap = capture.Regions[1];
        Assert.Equal(KiB(12), heap.Metrics!.Pss);
        Assert.Equal(KiB(12), heap.Metrics.PrivateDirty);
        Assert.Equal(KiB(8), heap.Metrics.Swap);
        Assert.Null(heap.Metrics.Rss);
        Assert.Equal(["total Kbytes", "total PSS", "total Dirty", "total Swap"], capture.DeclaredTotals.Select(t => t.Name));
        Assert.All(capture.DeclaredTotals, t => Assert.True(t.Matches, t.Name));
    }

    [Fact]
    public void Toybox_default_built_from_formats_md_keeps_kernel_brackets_and_unnames_anon()
    {
        const string text =
            "9967: ./maptest\n" +
            "000055c2a8ca9000      4K r---- maptest\n" +
            "000055c2cb49d000    132K rw---   [heap]\n" +
            "00007f854803f000      4K -----   [anon]\n" +
            "00007ffc13138000    132K rw---   [stack]\n" +
            "total               272K\n";
        var capture = TextSamples.Parse(text, CaptureFormat.Pmap);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal("toybox", capture.Variant);
        Assert.Equal("maptest", capture.Regions[0].Name);
        Assert.True(capture.Regions[0].NameIsBasename);
        Assert.Equal("r--p", capture.Regions[0].Permissions.ToString());
        Assert.Equal("[heap]", capture.Regions[1].Name);
        Assert.Null(capture.Regions[2].Name);
        Assert.Equal("[stack]", capture.Regions[3].Name);
        Assert.True(Assert.Single(capture.DeclaredTotals).Matches);
    }

    [Fact]
    public void Toybox_x_built_from_formats_md_totals_match()
    {
        const string text =
            "9967: ./maptest\n" +
            "Address           Kbytes     PSS   Dirty    Swap Mode  Mapping\n" +
            "000055c2a8ca9000       4       4       0       0 r---- maptest\n" +
            "000055c2cb49d000     132      12      12       0 rw---   [heap]\n" +
            "----------------  ------  ------  ------  ------\n" +
            "total                136K      16      12       0\n";
        var capture = TextSamples.Parse(text, CaptureFormat.PmapExtended);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal("toybox -x", capture.Variant);
        Assert.Equal(KiB(16), capture.DeclaredTotals.Single(t => t.Name == "total PSS").DeclaredBytes);
        Assert.All(capture.DeclaredTotals, t => Assert.True(t.Matches, t.Name));
    }

    [Fact]
    public void Procps_3_2_default_built_from_formats_md_prints_full_paths_after_two_spaces()
    {
        const string text =
            "4242:   /usr/bin/old-daemon --serve\n" +
            "0000000008048000     92K r-x--  /usr/bin/old-daemon\n" +
            "000000000805f000      4K rw---  /usr/bin/old-daemon\n" +
            "00000000b7f3c000      8K rw---    [ anon ]\n" +
            " total              104K\n";
        var capture = TextSamples.Parse(text, CaptureFormat.Pmap);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal("procps 3.2 default", capture.Variant);
        Assert.Equal("old-daemon", capture.ProcessName);
        Assert.Equal("/usr/bin/old-daemon --serve", capture.CommandLine);
        Assert.Equal("/usr/bin/old-daemon", capture.Regions[0].Name);
        Assert.False(capture.Regions[0].NameIsBasename);
        Assert.Null(capture.Regions[2].Name);
        Assert.True(Assert.Single(capture.DeclaredTotals).Matches);
    }

    [Fact]
    public void Procps_3_2_x_built_from_formats_md_has_only_kbytes_totals()
    {
        const string text =
            "4242:   /usr/bin/old-daemon\n" +
            "Address           Kbytes     RSS    Anon  Locked Mode   Mapping\n" +
            "0000000008048000      92       -       -       - r-x--  old-daemon\n" +
            "000000000805f000       4       -       -       - rw---  old-daemon\n" +
            "----------------  ------  ------  ------  ------\n" +
            "total kB              96       -       -       -\n";
        var capture = TextSamples.Parse(text, CaptureFormat.PmapExtended);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal("procps 3.2 -x", capture.Variant);
        Assert.Null(capture.Regions[0].Metrics);
        var total = Assert.Single(capture.DeclaredTotals);
        Assert.Equal(("total Kbytes", KiB(96), KiB(96)), (total.Name, total.DeclaredBytes, total.ComputedBytes));
    }

    [Fact]
    public void Procps_ng_3_3_x_duplicated_rows_built_from_formats_md_are_dropped_once()
    {
        const string text =
            "2001:   /usr/sbin/sshd -D\n" +
            "Address           Kbytes     RSS   Dirty Mode   Mapping\n" +
            "00007f2c1a000000    1808     420       0 r-x--  libc-2.17.so\n" +
            "00007f2c1a000000       0       0       0 r-x--  libc-2.17.so\n" +
            "00007f2c1a1c4000      16      16      16 r----  libc-2.17.so\n" +
            "00007f2c1a1c4000       0       0       0 r----  libc-2.17.so\n" +
            "---------------- ------- ------- -------\n" +
            "total kB            1824     436      16\n";
        var capture = TextSamples.Parse(text, CaptureFormat.PmapExtended);

        Assert.Equal("procps-ng 3.3 -x", capture.Variant);
        Assert.Equal(2, capture.Regions.Count);
        Assert.Equal("libc-2.17.so", capture.Regions[0].Name);
        Assert.Equal(KiB(420), capture.Regions[0].Metrics!.Rss);
        var duplicate = Assert.Single(capture.Diagnostics.Items);
        Assert.Equal(DiagnosticCatalogue.PmapDuplicateRow.Id, duplicate.Id);
        Assert.Equal(SourceLocation.AtLine(4), duplicate.Location);
        Assert.Equal("[2] rows repeat the address of an earlier row and were dropped (procps-ng 3.3.x prints rows twice)", duplicate.Message);
        Assert.All(capture.DeclaredTotals, t => Assert.True(t.Matches, t.Name));
    }

    [Fact]
    public void Procps_q_from_formats_md_has_no_header_no_footer_and_shmid_pseudo_names()
    {
        const string text =
            "9967:   ./maptest\n" +
            "000055c2a8ca9000      4K r---- maptest\n" +
            "00007f8548a45000      4K rw-s-   [ shmid=0x4 ]\n" +
            "00007ffc13138000    132K rw---   [ stack ]\n";
        var capture = TextSamples.Parse(text, CaptureFormat.Pmap);

        Assert.Equal("procps-ng default (-q)", capture.Variant);
        Assert.Equal(3, capture.Regions.Count);
        var shm = capture.Regions[1];
        Assert.Equal("[ shmid=0x4 ]", shm.Name);
        Assert.Equal(4UL, shm.Inode);
        Assert.False(shm.NameIsBasename);
        Assert.Equal("rw-s", shm.Permissions.ToString());
        Assert.Empty(capture.DeclaredTotals);
        var info = Assert.Single(capture.Diagnostics.Items);
        Assert.Equal((DiagnosticCatalogue.PmapFooterMissing.Id, DiagnosticSeverity.Info), (info.Id, info.Severity));
    }
}

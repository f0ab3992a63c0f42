using Forensics.Importers.Text;
using Forensics.Model;

namespace Forensics.Importers.Tests.Text;

public sealed class GdbParserTests
{
    [Fact]
    public void Hello_gdb13_listing_skips_attach_chatter_and_reads_perms()
    {
        var capture = TextSamples.Parse(TextSamples.Local("set-hello", "gdb-mappings.txt"), CaptureFormat.Gdb);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal("gdb ≥ 12 (Perms)", capture.Variant);
        Assert.Equal(16367, capture.Pid);
        Assert.Equal(Architecture.Unknown, capture.Architecture);
        Assert.Equal(39, capture.Regions.Count);
        var exe = capture.Regions[0];
        Assert.Equal((0x55f5da648000UL, 0x55f5da649000UL), (exe.Start, exe.End));
        Assert.Equal("r--p", exe.Permissions.ToString());
        Assert.Equal(0UL, exe.Offset);
        Assert.Equal("/opt/forensic/demo/hello", exe.Name);
        Assert.Equal(RegionSources.Gdb, exe.Sources);
        Assert.Equal(SourceLocation.AtLine(11), exe.Location);
        Assert.Equal(0x1000UL, capture.Regions[1].Offset);
        Assert.Equal((0xffffffffff600000UL, 0xffffffffff601000UL), (capture.Regions[^1].Start, capture.Regions[^1].End));
        Assert.Equal("--xp", capture.Regions[^1].Permissions.ToString());
        Assert.Equal(13, capture.Regions.Count(r => r.Name is null));
        Assert.Equal(["/dev/zero", "/memfd:hello-memfd", "/opt/forensics/set-hello/hello-deleted.dat"],
            capture.Regions.Where(r => r.Deleted).Select(r => r.Name!));
    }

    [Fact]
    public void Gdb_listing_matches_the_maps_of_the_same_process()
    {
        var gdb = TextSamples.Parse(TextSamples.Local("set-hello", "gdb-mappings.txt"), CaptureFormat.Gdb);
        var maps = TextSamples.Parse(TextSamples.Local("set-hello", "maps"), CaptureFormat.Maps);

        Assert.Equal(maps.Regions.Select(r => (r.Start, r.End, r.Offset, r.Name, r.Deleted, r.Permissions)),
            gdb.Regions.Select(r => (r.Start, r.End, r.Offset, r.Name, r.Deleted, r.Permissions)));
    }

    [Fact]
    public void Angr_old_layout_without_header_preamble_and_with_a_blank_line_inside()
    {
        var capture = TextSamples.Parse(TextSamples.Public("angr-binaries_test_gdb_plugin_procmap.txt"), CaptureFormat.Gdb);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal("gdb ≤ 11", capture.Variant);
        Assert.Null(capture.Pid);
        // 16 rows: the sample README says 17, counting the header line.
        Assert.Equal(16, capture.Regions.Count);
        Assert.Equal((0x400000UL, 0x401000UL), (capture.Regions[0].Start, capture.Regions[0].End));
        Assert.Equal("test_gdb_plugin", capture.Regions[0].Name);
        Assert.Equal(Permissions.Unknown, capture.Regions[0].Permissions);
        var libc = capture.Regions[3];
        Assert.Equal("libc.so.6", libc.Name);
        Assert.Equal(0x7ffff7bd2000UL, libc.Start);
        Assert.Equal(0x1bb000UL, libc.Offset);
        Assert.Equal(0x7ffff7ddc000UL, capture.Regions.First(r => r.Name == "ld-linux-x86-64.so.2").Start);
        Assert.Equal(3, capture.Regions.Count(r => r.Name is null));
        var afterBlank = TextSamples.Single(capture, 0x7ffff7ffe000);
        Assert.Equal(SourceLocation.AtLine(16), afterBlank.Location);
        Assert.Equal("[vsyscall]", capture.Regions[^1].Name);
    }

    [Fact]
    public void An_old_gdbs_listing_with_plain_0_offsets_keeps_all_sixteen_rows()
    {
        // hiboma/hiboma gdb.md: gdb of RHEL/CentOS 6 (glibc-2.12-1.132.el6) printing `%#10x`, so an offset of 0 reads `0`:
        // 11 of the 16 rows. Every row is a region, in order, with its line; none is dropped.
        var capture = TextSamples.Parse(TextSamples.Public("hiboma_el6_gdb_info_proc_mapping_x86_64.txt"), CaptureFormat.Gdb);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal((2061, "gdb ≤ 11"), (capture.Pid, capture.Variant));
        Assert.Equal(16, capture.Regions.Count);
        Assert.Equal(Enumerable.Range(8, 16), capture.Regions.Select(r => r.Location.Line!.Value));
        Assert.Equal(11, capture.Regions.Count(r => r.Offset == 0));
        Assert.Equal(
            [
                (0x400000UL, 0x401000UL, (ulong?)0UL, "/vagrant/a.out"),
                (0x600000UL, 0x601000UL, 0UL, "/vagrant/a.out"),
                (0x7ffff7a49000UL, 0x7ffff7bd4000UL, 0UL, "/lib64/libc-2.12.so"),
                (0x7ffff7bd4000UL, 0x7ffff7dd3000UL, 0x18b000UL, "/lib64/libc-2.12.so"),
            ],
            capture.Regions.Take(4).Select(r => (r.Start, r.End, r.Offset, r.Name)));
        Assert.Equal(4, capture.Regions.Count(r => r.Name is null));
        Assert.Equal((0xffffffffff600000UL, "[vsyscall]"), (capture.Regions[^1].Start, capture.Regions[^1].Name));
    }

    [Fact]
    public void Virophage_gdb13_x86_64_sample_has_process_and_an_anonymous_row_without_trailing_spaces()
    {
        var capture = TextSamples.Parse(TextSamples.Public("nikosChalk_virophage_gdb13_infoproc_x86_64.txt"), CaptureFormat.Gdb);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal(62, capture.Pid);
        Assert.Equal(8, capture.Regions.Count);
        Assert.Equal(0x7fe576653000UL, capture.Regions[0].Start);
        Assert.Equal("/home/user/virophage", capture.Regions[0].Name);
        var anonymous = TextSamples.Single(capture, 0x7fe576657000);
        Assert.Null(anonymous.Name);
        Assert.Equal("rw-p", anonymous.Permissions.ToString());
        Assert.Equal("[vdso]", capture.Regions[^1].Name);
        Assert.Equal(Architecture.Unknown, capture.Architecture);
    }

    [Fact]
    public void Virophage_i386_compat_sample_is_classified_x86_from_the_32_bit_columns()
    {
        var capture = TextSamples.Parse(TextSamples.Public("nikosChalk_virophage_gdb13_infoproc_i386compat.txt"), CaptureFormat.Gdb);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal("gdb 32-bit ≥ 12 (Perms)", capture.Variant);
        Assert.Equal(Architecture.X86, capture.Architecture);
        Assert.Equal(["gdb printed 32-bit columns"], capture.ArchitectureEvidence);
        Assert.Equal(62, capture.Pid);
        Assert.Equal(3, capture.Regions.Count);
        var stack = capture.Regions[^1];
        Assert.Equal((0xfffdd000UL, 0xffffe000UL), (stack.Start, stack.End));
        Assert.Equal("rwxp", stack.Permissions.ToString());
        Assert.Equal("[stack]", stack.Name);
        Assert.Equal(SourceLocation.AtLine(7), stack.Location);
    }

    [Fact]
    public void Tab_indented_32_bit_old_layout_built_from_formats_md()
    {
        // gdb ≤ 11 on an i386 inferior, built from gdb's format strings as docs/formats.md#gdb-live-process describes it (no sample shows it).
        const string text =
            "process 4242\n" +
            "cmdline = '/home/user/demo/a32 --flag'\n" +
            "exe = '/home/user/demo/a32'\n" +
            "Mapped address spaces:\n" +
            "\n" +
            "\tStart Addr   End Addr       Size     Offset objfile\n" +
            "\t 0x8048000  0x8049000     0x1000        0x0 /home/user/demo/a32\n" +
            "\t0xffe0e000 0xffe2f000    0x21000        0x0 [stack]\n";
        var capture = TextSamples.Parse(text, CaptureFormat.Gdb);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal("gdb 32-bit ≤ 11", capture.Variant);
        Assert.Equal(Architecture.X86, capture.Architecture);
        Assert.Equal(4242, capture.Pid);
        Assert.Equal("/home/user/demo/a32 --flag", capture.CommandLine);
        Assert.Equal("a32", capture.ProcessName);
        Assert.Equal(2, capture.Regions.Count);
        Assert.Equal((0x8048000UL, 0x8049000UL), (capture.Regions[0].Start, capture.Regions[0].End));
        Assert.Equal(Permissions.Unknown, capture.Regions[0].Permissions);
        Assert.Equal("[stack]", capture.Regions[1].Name);
    }

    [Fact]
    public void Core_listing_built_from_formats_md_joins_a_name_split_by_a_newline()
    {
        // gdb on a kernel core lists NT_FILE entries only; a raw newline in a file name splits the row (docs/formats.md#gdb-core-file-listing).
        const string text =
            "exe = './maptest crash'\n" +
            "Mapped address spaces:\n" +
            "\n" +
            "          Start Addr           End Addr       Size     Offset objfile\n" +
            "      0x55c712cf7000     0x55c712cf8000     0x1000        0x0 /home/user/demo/maptest\n" +
            "      0x7f5038afa000     0x7f5038afb000     0x1000        0x0 /dev/zero (deleted)\n" +
            "      0x7f5038afb000     0x7f5038afd000     0x2000     0x1000 /home/user/demo/odd name\n" +
            "x\\y.bin\n";
        var capture = TextSamples.Parse(text, CaptureFormat.Gdb);

        Assert.Equal("gdb core listing", capture.Variant);
        Assert.Null(capture.Pid);
        Assert.Equal("./maptest crash", capture.CommandLine);
        Assert.Equal("maptest", capture.ProcessName);
        Assert.Equal(3, capture.Regions.Count);
        Assert.Equal("/dev/zero", capture.Regions[1].Name);
        Assert.True(capture.Regions[1].Deleted);
        Assert.Equal("/home/user/demo/odd name\\012x\\y.bin", capture.Regions[2].Name);
        var info = Assert.Single(capture.Diagnostics.Items);
        Assert.Equal(DiagnosticCatalogue.GdbNameContinued.Id, info.Id);
        Assert.Equal(SourceLocation.AtLine(8), info.Location);
    }

    [Fact]
    public void Size_column_that_disagrees_with_the_range_is_reported()
    {
        const string text =
            "          Start Addr           End Addr       Size     Offset  Perms  objfile\n" +
            "      0x55c712cf7000     0x55c712cf8000     0x2000        0x0  r--p   /home/user/demo/maptest\n" +
            "      0x55c712cf9000     0x55c712cf8000     0x1000        0x0  r--p   /home/user/demo/maptest\n";
        var capture = TextCaptureParsers.Parse(CaptureFormat.Gdb, text);

        Assert.Single(capture.Regions);
        Assert.Equal([DiagnosticCatalogue.GdbSizeMismatch.Id, DiagnosticCatalogue.RangeReversed.Id], capture.Diagnostics.Items.Select(d => d.Id));
        Assert.Equal("gdb Size [0x2000] differs from End - Start [0x1000]", capture.Diagnostics.Items[0].Message);
    }
}

using Forensics.Importers.Text;
using Forensics.Model;

namespace Forensics.Importers.Tests.Text;

public sealed class MapsParserTests
{
    [Fact]
    public void Hello_maps_sample_gives_every_line_as_a_region_with_exact_fields()
    {
        var capture = TextSamples.Parse(TextSamples.Local("set-hello", "maps"), CaptureFormat.Maps);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal(39, capture.Regions.Count);
        Assert.Equal("kernel 64-bit (name at column 73)", capture.Variant);
        Assert.Equal(0x55f5da648000UL, capture.Regions[0].Start);
        Assert.Equal(0x55f5da649000UL, capture.Regions[0].End);
        Assert.Equal(0xffffffffff600000UL, capture.Regions[^1].Start);
        Assert.Equal(0xffffffffff601000UL, capture.Regions[^1].End);
        Assert.Equal("[vsyscall]", capture.Regions[^1].Name);
        Assert.Equal(28252UL * 1024, capture.MappedBytes);

        var text = capture.Regions[1];
        Assert.Equal("r-xp", text.Permissions.ToString());
        Assert.Equal(0x1000UL, text.Offset);
        Assert.Equal("fe:00", text.Device);
        Assert.Equal(11665551UL, text.Inode);
        Assert.Equal("/opt/forensic/demo/hello", text.Name);
        Assert.Equal(RegionSources.Maps, text.Sources);
        Assert.Equal(SourceLocation.AtLine(2), text.Location);
    }

    [Fact]
    public void Deleted_suffix_becomes_a_flag_and_unnamed_lines_stay_unnamed()
    {
        var capture = TextSamples.Parse(TextSamples.Local("set-hello", "maps"), CaptureFormat.Maps);

        var deleted = capture.Regions.Where(r => r.Deleted).Select(r => r.Name!).ToArray();
        Assert.Equal(["/dev/zero", "/memfd:hello-memfd", "/opt/forensics/set-hello/hello-deleted.dat"], deleted);
        var memfd = TextSamples.Single(capture, 0x7f1f1eebb000);
        Assert.Equal("rw-s", memfd.Permissions.ToString());
        Assert.Equal("00:01", memfd.Device);
        Assert.Equal(75UL, memfd.Inode);
        Assert.Equal("/memfd:hello-memfd (deleted)", memfd.DisplayName);

        Assert.Equal(13, capture.Regions.Count(r => r.Name is null));
        var rwx = TextSamples.Single(capture, 0x7f1f1f1a7000);
        Assert.Null(rwx.Name);
        Assert.Equal("rwxp", rwx.Permissions.ToString());
        Assert.Equal(SourceLocation.AtLine(26), rwx.Location);
    }

    [Fact]
    public void Repeated_names_are_interned_once_per_capture()
    {
        var capture = TextSamples.Parse(TextSamples.Local("set-hello", "maps"), CaptureFormat.Maps);

        var libc = capture.Regions.Where(r => r.Name == "/usr/lib/x86_64-linux-gnu/libc.so.6").ToArray();
        Assert.Equal(5, libc.Length);
        Assert.All(libc, r => Assert.Same(libc[0].Name, r.Name));
        Assert.All(libc, r => Assert.Same(libc[0].Device, r.Device));
    }

    [Fact]
    public void Big_maps_sample_of_20027_lines_parses_completely()
    {
        var capture = TextSamples.Parse(TextSamples.Local("set-big", "maps"), CaptureFormat.Maps);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal(20027, capture.Regions.Count);
        Assert.Equal(0x55c39f593000UL, capture.Regions[0].Start);
        Assert.Equal(0xffffffffff601000UL, capture.Regions[^1].End);
        Assert.Equal(82552UL * 1024, capture.MappedBytes);
        Assert.Equal(20006, capture.Regions.Count(r => r.Name is null));
        Assert.Equal(SourceLocation.AtLine(20027), capture.Regions[^1].Location);
    }

    [Fact]
    public void Inode_above_2_pow_32_from_rust_minidump_sample_is_kept_whole()
    {
        var capture = TextSamples.Parse(TextSamples.Public("rust-minidump_linux-mini.dmp.proc_maps"), CaptureFormat.Maps);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal(35, capture.Regions.Count);
        var exe = capture.Regions[0];
        Assert.Equal(0x400000UL, exe.Start);
        Assert.Equal(0x41a000UL, exe.End);
        Assert.Equal("00:47", exe.Device);
        Assert.Equal(8612374361UL, exe.Inode);
        Assert.Equal("/work/linux/build/crash", exe.Name);
        Assert.Equal("kernel 64-bit (name at column 73)", capture.Variant);
        Assert.Equal("[heap]", capture.Regions[3].Name);
        Assert.Equal(0xffffffffff600000UL, capture.Regions[^1].Start);
    }

    [Fact]
    public void I386_procfs_sample_with_unpadded_names_and_no_trailing_space()
    {
        var capture = TextSamples.Parse(TextSamples.Public("prometheus-procfs_26234_maps_i386"), CaptureFormat.Maps);

        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal(4, capture.Regions.Count);
        Assert.Equal("unpadded (name after one space)", capture.Variant);
        var tcsh = capture.Regions[0];
        Assert.Equal((0x08048000UL, 0x08089000UL), (tcsh.Start, tcsh.End));
        Assert.Equal("03:01", tcsh.Device);
        Assert.Equal(104219UL, tcsh.Inode);
        Assert.Equal("/bin/tcsh", tcsh.Name);
        Assert.Equal(0x41000UL, capture.Regions[1].Offset);
        Assert.Null(capture.Regions[2].Name);
        Assert.Equal("rwxp", capture.Regions[2].Permissions.ToString());
        Assert.Equal("/lib/ld-2.3.2.so", capture.Regions[3].Name);
        Assert.Equal(0x40015000UL, capture.Regions[3].End);
    }

    [Fact]
    public void Formats_md_examples_keep_spaces_escapes_and_name_column_49()
    {
        // Lines laid out as docs/formats.md#maps-line-layout describes them (no sample shows a 32-bit kernel or these names).
        const string text =
            "7f8548a49000-7f8548a4b000 r--s 00001000 fe:00 11665637                   /home/user/demo/odd name\\012x\\y.bin\n" +
            "7f8548a4c000-7f8548a4d000 r--p 00000000 fe:00 11665639                   /home/user/trailing space \n" +
            "7f854803f000-7f8548040000 ---p 00000000 00:00 0 \n";
        var capture = TextCaptureParsers.Parse(CaptureFormat.Maps, text);

        Assert.Equal("/home/user/demo/odd name\\012x\\y.bin", capture.Regions[0].Name);
        Assert.Equal("/home/user/trailing space ", capture.Regions[1].Name);
        Assert.Null(capture.Regions[2].Name);

        var kernel32 = TextCaptureParsers.Parse(CaptureFormat.Maps, "08048000-08049000 r-xp 00000000 03:00 8312       /opt/test\n");
        Assert.Equal("kernel 32-bit (name at column 49)", kernel32.Variant);
        Assert.Equal("/opt/test", kernel32.Regions[0].Name);
    }

    [Fact]
    public void Old_kernel_stack_tid_names_and_anonymous_page_offsets()
    {
        // Linux 3.4–4.4 printed [stack:TID]; very old 2.6 kernels printed the page offset of anonymous VMAs (docs/formats.md#maps-kernel-versions).
        const string text =
            "b7f3c000-b7f3e000 rw-p b7f3c000 00:00 0 \n" +
            "7f0c2d7fe000-7f0c2dffe000 rw-p 00000000 00:00 0                          [stack:4242]\n";
        var capture = TextCaptureParsers.Parse(CaptureFormat.Maps, text, firstLine: 10);

        Assert.Equal(0UL, capture.Regions[0].Offset);
        var info = Assert.Single(capture.Diagnostics.Items);
        Assert.Equal(DiagnosticCatalogue.AnonymousOffset.Id, info.Id);
        Assert.Equal(SourceLocation.AtLine(10), info.Location);
        Assert.Equal("[stack:4242]", capture.Regions[1].Name);
        Assert.Equal(4242, capture.Regions[1].ThreadId);
        Assert.Equal(SourceLocation.AtLine(11), capture.Regions[1].Location);
    }

    [Fact]
    public void Corrupted_line_in_the_middle_is_reported_and_the_good_lines_kept()
    {
        var lines = TextSamples.Local("set-hello", "maps").Split('\n');
        lines[19] = "7f1f1eec0000-7f1f1eec1000 r?-p 00000000 fe:00 11665551 garbage";
        lines[20] = "this line is not";
        var capture = TextCaptureParsers.Parse(CaptureFormat.Maps, string.Join('\n', lines));

        Assert.Equal(37, capture.Regions.Count);
        Assert.Equal(2, capture.Diagnostics.Count);
        Assert.All(capture.Diagnostics.Items, d => Assert.Equal(DiagnosticCatalogue.MapsLineMalformed.Id, d.Id));
        Assert.Equal([SourceLocation.AtLine(20), SourceLocation.AtLine(21)], capture.Diagnostics.Items.Select(d => d.Location));
        Assert.Equal("maps line has a malformed permissions [r?-p]", capture.Diagnostics.Items[0].Message);
        Assert.Equal("maps line has [4] fields, expected at least [5]: [this line is not]", capture.Diagnostics.Items[1].Message);
        Assert.Equal(0xffffffffff600000UL, capture.Regions[^1].Start);
    }

    [Fact]
    public void Random_text_gives_no_region_and_an_error()
    {
        var capture = TextCaptureParsers.Parse(CaptureFormat.Maps, "lorem ipsum\ndolor sit amet\n");

        Assert.Empty(capture.Regions);
        Assert.True(capture.Diagnostics.HasErrors);
        Assert.Contains(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.NoRegions.Id);
        Assert.Null(TextCaptureParsers.Detect("lorem ipsum\ndolor sit amet\n"));
    }
}

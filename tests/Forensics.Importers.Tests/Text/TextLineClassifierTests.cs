using Forensics.Importers.Text;
using Forensics.Model;

namespace Forensics.Importers.Tests.Text;

public sealed class TextLineClassifierTests
{
    [Theory]
    [InlineData("", TextLineShape.Blank)]
    [InlineData("   \t", TextLineShape.Blank)]
    [InlineData("55f5da648000-55f5da649000 r--p 00000000 fe:00 11665551                   /opt/forensic/demo/hello", TextLineShape.MapsLine)]
    [InlineData("0808c000-08146000 rwxp 00000000 00:00 0", TextLineShape.MapsLine)]
    [InlineData("ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]\r", TextLineShape.MapsLine)]
    [InlineData("Size:                  4 kB", TextLineShape.SmapsKey)]
    [InlineData("THPeligible:    0", TextLineShape.SmapsKey)]
    [InlineData("VmFlags: rd mr mw me ", TextLineShape.SmapsVmFlags)]
    [InlineData("16367:   /opt/forensic/demo/hello", TextLineShape.PmapProcpsHeader)]
    [InlineData("9967: ./maptest", TextLineShape.PmapBusyboxHeader)]
    [InlineData("Address           Kbytes     RSS   Dirty Mode  Mapping", TextLineShape.PmapColumnHeader)]
    [InlineData("Address\t\t  Kbytes     PSS   Dirty    Swap  Mode  Mapping", TextLineShape.PmapColumnHeader)]
    [InlineData("         Address Perm   Offset Device    Inode  Size  Rss  Pss Mapping", TextLineShape.PmapColumnHeader)]
    [InlineData("000055f5da648000      4K r---- hello", TextLineShape.PmapRow)]
    [InlineData("00007ffc9a2c1000     132      16      16 rw---   [ stack ]", TextLineShape.PmapRow)]
    [InlineData("0000648c6a2a2000      20 r---- 0000000000000000 103:00002 st-dyn", TextLineShape.PmapRow)]
    [InlineData("ffffffffff600000 --xp 00000000  00:00        0     4    0 [vsyscall]", TextLineShape.PmapRow)]
    [InlineData("    55f5da648000 r--p 00000000  fe:00 11665551     4    4 hello", TextLineShape.PmapRow)]
    [InlineData(" total            28252K", TextLineShape.PmapFooter)]
    [InlineData("total kB           28252    2716    1172", TextLineShape.PmapFooter)]
    [InlineData("mapped: 28252K    writeable/private: 26040K    shared: 28K", TextLineShape.PmapFooter)]
    [InlineData("---------------- ------- ------- ------- ", TextLineShape.PmapFooter)]
    [InlineData("                                               ===== ==== ==== ", TextLineShape.PmapFooter)]
    [InlineData("                                               28252 2716 1384 KB ", TextLineShape.PmapFooter)]
    [InlineData("process 16367", TextLineShape.GdbProcess)]
    [InlineData("Mapped address spaces:", TextLineShape.GdbMappedAddressSpaces)]
    [InlineData("          Start Addr           End Addr       Size     Offset  Perms  objfile", TextLineShape.GdbColumnHeader)]
    [InlineData("\tStart Addr   End Addr       Size     Offset objfile", TextLineShape.GdbColumnHeader)]
    [InlineData("      0x55f5da648000     0x55f5da649000     0x1000        0x0  r--p   /opt/forensic/demo/hello", TextLineShape.GdbRow)]
    [InlineData("\t 0x8048000  0x8049000     0x1000        0x0 /home/user/demo/a32", TextLineShape.GdbRow)]
    [InlineData("# cat /proc/self/maps", TextLineShape.Other)]
    [InlineData("```", TextLineShape.Other)]
    [InlineData("[Inferior 1 (process 16367) detached]", TextLineShape.Other)]
    [InlineData("The heap grew by 4096 bytes: see below.", TextLineShape.Other)]
    [InlineData("Address  Perm  Offset  Dev  Inode  Path", TextLineShape.Other)]
    public void Line_shapes_of_every_format(string line, TextLineShape expected) =>
        Assert.Equal(expected, TextLineClassifier.Classify(line));

    [Theory]
    [InlineData("set-hello", "maps", CaptureFormat.Maps)]
    [InlineData("set-hello", "smaps", CaptureFormat.Smaps)]
    [InlineData("set-hello", "smaps_rollup", CaptureFormat.SmapsRollup)]
    [InlineData("set-hello", "pmap.txt", CaptureFormat.Pmap)]
    [InlineData("set-hello", "pmap-x.txt", CaptureFormat.PmapExtended)]
    [InlineData("set-hello", "pmap-X.txt", CaptureFormat.PmapExtended)]
    [InlineData("set-hello", "pmap-XX.txt", CaptureFormat.PmapExtended)]
    [InlineData("set-hello", "pmap-d.txt", CaptureFormat.PmapExtended)]
    [InlineData("set-hello", "gdb-mappings.txt", CaptureFormat.Gdb)]
    [InlineData("set-hello", "status.txt", null)]
    [InlineData("set-hello", "commands.log", null)]
    public void Detect_recognises_local_samples_by_content(string set, string file, CaptureFormat? expected) =>
        Assert.Equal(expected, TextCaptureParsers.Detect(TextSamples.Local(set, file)));

    [Theory]
    [InlineData("prometheus-procfs_26231_smaps", CaptureFormat.Smaps)]
    [InlineData("prometheus-procfs_26231_smaps_rollup", CaptureFormat.SmapsRollup)]
    [InlineData("prometheus-procfs_26234_maps_i386", CaptureFormat.Maps)]
    [InlineData("rust-minidump_linux-mini.dmp.proc_maps", CaptureFormat.Maps)]
    [InlineData("mrdrivingduck_zsh_pmap_default.txt", CaptureFormat.Pmap)]
    [InlineData("mrdrivingduck_zsh_pmap_x.txt", CaptureFormat.PmapExtended)]
    [InlineData("Mulling_st-dyn_pmap_d.txt", CaptureFormat.PmapExtended)]
    [InlineData("angr-binaries_test_gdb_plugin_procmap.txt", CaptureFormat.Gdb)]
    [InlineData("nikosChalk_virophage_gdb13_infoproc_x86_64.txt", CaptureFormat.Gdb)]
    [InlineData("nikosChalk_virophage_gdb13_infoproc_i386compat.txt", CaptureFormat.Gdb)]
    public void Detect_recognises_every_public_text_sample(string file, CaptureFormat expected) =>
        Assert.Equal(expected, TextCaptureParsers.Detect(TextSamples.Public(file)));

    [Fact]
    public void Detect_skips_prompts_and_blank_lines_before_a_capture()
    {
        const string text = "\n$ pmap -x 1234\n1234:   ./a.out\nAddress           Kbytes     RSS   Dirty Mode  Mapping\n";
        Assert.Equal(CaptureFormat.PmapExtended, TextCaptureParsers.Detect(text));
        Assert.Null(TextCaptureParsers.Detect(""));
        Assert.Null(TextCaptureParsers.Detect("\n\n  \n"));
    }
}

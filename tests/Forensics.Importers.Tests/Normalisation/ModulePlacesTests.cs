using Forensics.Importers.Normalisation;
using Forensics.Importers.Tests.Core;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Normalisation;

/// <summary>A module is one file at one place, with its image's extent, and the main executable comes from evidence.</summary>
public class ModulePlacesTests
{
    private static Capture Core(string path)
    {
        var builtCapture = CoreSamples.Import(CoreSampleList.PathOf(path));
        var capture = CaptureNormalizer.Normalize(builtCapture);
        return capture;
    }

    private static (string, ulong, ulong, bool)[] Extents(Capture capture) =>
        [.. capture.Modules.Select(m => (m.Name, m.Base, m.End, m.IsMainExecutable))];

    [Fact]
    public void A_non_pie_executable_whose_data_maps_file_page_0_is_one_module_and_the_main_executable()
    {
        var capture = Core("public/cores/pystack/segfault.core");

        Assert.Equal(
            [
                ("a.out", 0x400000UL, 0x602000UL, true),
                // The core holds neither library's header page, so their extents are their mappings: p_memsz is unknown.
                ("libc-2.17.so", 0x7f6568fbb000UL, 0x7f6569384000UL, false),
                ("ld-2.17.so", 0x7f6569389000UL, 0x7f65695ac000UL, false),
                ("[vdso]", 0x7ffd3e947000UL, 0x7ffd3e949000UL, false),
            ],
            Extents(capture));
        var exe = capture.Modules[0];
        Assert.Equal(("d5f6aeb5e51a1dfc735be6e16d196fc126441573", (ulong?)0x400284UL, (bool?)false), (exe.BuildId, exe.BuildIdAddress, exe.IsPositionIndependent));
        Assert.Equal(["a.out", "a.out", "a.out"], capture.Regions.Where(r => r.Start < 0x602000).Select(r => r.Module));
    }

    [Fact]
    public void A_dotnet_assembly_mapped_whole_and_as_an_image_is_two_modules_that_swallow_nothing()
    {
        var capture = Core("sets/set-dotnet/createdump-triage.core.xz");

        var coreLib = capture.Modules.Where(m => m.Path.EndsWith("/System.Private.CoreLib.dll", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [("System.Private.CoreLib.dll", 0x7f92e0400000UL, 0x7f92e12db000UL), ("System.Private.CoreLib.dll #2", 0x7f92e3c70000UL, 0x7f92e4b99000UL)],
            coreLib.Select(m => (m.Name, m.Base, m.End)));
        var collections = capture.Modules.Where(m => m.Path.EndsWith("/System.Collections.dll", StringComparison.Ordinal));
        Assert.Equal(
            [("System.Collections.dll", 0x7f92e1376000UL, 0x7f92e13bd000UL), ("System.Collections.dll #2", 0x7f92e4d60000UL, 0x7f92e4df5000UL)],
            collections.Select(m => (m.Name, m.Base, m.End)));
        // No module lies inside another, and no thread stack belongs to one.
        var ordered = capture.Modules.OrderBy(m => m.Base).ToList();
        Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Base, pair.First + " overlaps " + pair.Second));
        Assert.All(capture.Regions.Where(r => r.Kind == RegionKind.ThreadStack), r => Assert.Null(r.Module));
    }

    [Fact]
    public void A_data_file_mapped_into_the_hole_between_ld_so_segments_does_not_split_ld_so()
    {
        // zsh's default pmap: LC_IDENTIFICATION (4K) lies at 0x7f3a02b29000, between ld.so's read-only data and its RELRO.
        var capture = NormalisedSamples.Load(CaptureFormat.Pmap, "public", "text", "mrdrivingduck_zsh_pmap_default.txt");

        var ld = Assert.Single(capture.Modules, m => m.Name.StartsWith("ld-linux-x86-64.so.2", StringComparison.Ordinal));
        Assert.Equal(("ld-linux-x86-64.so.2", 0x7f3a02af2000UL, 0x7f3a02b2e000UL), (ld.Name, ld.Base, ld.End));
        Assert.Null(capture.RegionAt(0x7f3a02b29000).Module);
    }

    [Fact]
    public void A_kernel_mapping_in_the_hole_between_ld_so_segments_splits_ld_so_and_no_module_covers_it()
    {
        // RHEL 6 gdb (hiboma): ld-2.12.so's text at 0x7ffff7ddd000 and its data 2 MiB higher, [vdso] at 0x7ffff7ffb000 between.
        var capture = NormalisedSamples.Load(CaptureFormat.Gdb, "public", "text", "hiboma_el6_gdb_info_proc_mapping_x86_64.txt");

        Assert.Equal(
            [
                ("a.out", 0x400000UL, 0x601000UL, true),
                ("libc-2.12.so", 0x7ffff7a49000UL, 0x7ffff7dd8000UL, false),
                ("ld-2.12.so", 0x7ffff7ddd000UL, 0x7ffff7dfd000UL, false),
                ("[vdso]", 0x7ffff7ffb000UL, 0x7ffff7ffc000UL, false),
                ("ld-2.12.so #2", 0x7ffff7ffc000UL, 0x7ffff7ffe000UL, false),
            ],
            Extents(capture));
        Assert.DoesNotContain(capture.Modules, m => m.Name != "[vdso]" && m.Base < 0x7ffff7ffc000UL && m.End > 0x7ffff7ffb000UL);
    }

    [Fact]
    public void The_main_executable_comes_from_auxv_or_the_exec_name_and_a_bare_maps_has_none()
    {
        // thread_crash: the text page of a.out was not dumped, so no image; AT_EXECFN "./a.out" names it.
        var threadCrash = Core("public/cores/lldb/elf-core/thread_crash/linux-x86_64.core");
        Assert.Equal("a.out", Assert.Single(threadCrash.Modules, m => m.IsMainExecutable).Name);

        // The set-hello maps: no auxv, no command line, no process name, a PIE at a random base.
        var maps = NormalisedSamples.Load(CaptureFormat.Maps, "sets", "set-hello", "maps");
        Assert.DoesNotContain(maps.Modules, m => m.IsMainExecutable);

        // The same maps with the process name the pipeline takes from a file name (hello.maps): that names it.
        var builtNamed = NormalisedSamples.Parse(CaptureFormat.Maps, "sets", "set-hello", "maps");
        builtNamed.ProcessName = "hello";
        var named = CaptureNormalizer.Normalize(builtNamed);
        var main = Assert.Single(named.Modules, m => m.IsMainExecutable);
        Assert.Equal(("hello", 0x55f5da648000UL), (main.Name, main.Base));
    }

    [Fact]
    public void A_path_cut_to_its_folder_never_joins_two_files_and_is_flagged_truncated()
    {
        // set-hello's maps as a writer that cuts paths after the folder would print it: libc.so.6 (inode 332096) and
        // ld-linux-x86-64.so.2 (inode 331651) both become /usr/lib/x86_64-linux-gnu/.
        var text = SampleFile.ReadAllText(TestPaths.CorpusFile("sets", "set-hello", "maps"))
            .Replace("/usr/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86_64-linux-gnu/", StringComparison.Ordinal)
            .Replace("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "/usr/lib/x86_64-linux-gnu/", StringComparison.Ordinal);
        var builtCapture = NormalisedSamples.ParseText(CaptureFormat.Maps, text, "sets", "set-hello", "maps");
        var capture = CaptureNormalizer.Normalize(builtCapture);

        var cut = capture.Modules.Where(m => m.Path == "/usr/lib/x86_64-linux-gnu/").ToList();
        Assert.Equal(
            [(0x7f1f1efc2000UL, 0x7f1f1f197000UL, true), (0x7f1f1f1b8000UL, 0x7f1f1f1ed000UL, true)],
            cut.Select(m => (m.Base, m.End, m.PathTruncated)));
        Assert.DoesNotContain(capture.Modules, m => m.Path != "/usr/lib/x86_64-linux-gnu/" && m.PathTruncated);
    }

    [Fact]
    public void A_name_that_two_inodes_carry_is_two_modules_and_flagged_truncated()
    {
        // set-hello's maps with libc's data mapping given another inode: the name no longer tells one file.
        var text = SampleFile.ReadAllText(TestPaths.CorpusFile("sets", "set-hello", "maps"));
        var line = text.Split('\n').First(l => l.Contains("rw-p", StringComparison.Ordinal) && l.EndsWith("/libc.so.6", StringComparison.Ordinal));
        var inode = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[4];
        var builtCapture = NormalisedSamples.ParseText(CaptureFormat.Maps, text.Replace(line, line.Replace(" " + inode + " ", " 999999 ", StringComparison.Ordinal), StringComparison.Ordinal), "sets", "set-hello", "maps");
        var capture = CaptureNormalizer.Normalize(builtCapture);

        Assert.Equal(
            [("libc.so.6", 0x7f1f1efc2000UL, 0x7f1f1f195000UL, true), ("libc.so.6 #2", 0x7f1f1f195000UL, 0x7f1f1f197000UL, true)],
            capture.Modules.Where(m => m.Path.EndsWith("/libc.so.6", StringComparison.Ordinal)).Select(m => (m.Name, m.Base, m.End, m.PathTruncated)));
    }
}

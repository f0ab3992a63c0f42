using Forensics.Importers.Normalisation;
using Forensics.Model;
using Kind = Forensics.Model.RegionKind;

namespace Forensics.Importers.Tests.Normalisation;

public class CaptureNormalizerTests
{
    [Fact]
    public void Set_hello_maps_regions_get_their_kinds_in_address_order()
    {
        var capture = NormalisedSamples.Load(CaptureFormat.Maps, "sets", "set-hello", "maps");

        RegionKind[] expected =
        [
            // /opt/forensic/demo/hello: headers, text, rodata, RELRO, data, then anonymous memory: its bss, but a maps
            // text has no p_memsz to show it (docs/region-model.md#modules)
            Kind.Rodata, Kind.Text, Kind.Rodata, Kind.Relro, Kind.Data, Kind.Anon,
            Kind.Heap,
            // three worker threads: a 4 KiB guard below each 8 MiB stack
            Kind.Guard, Kind.ThreadStack, Kind.Guard, Kind.ThreadStack, Kind.Guard, Kind.ThreadStack,
            // the r-- anon region (prctl naming failed), the PROT_NONE region, /dev/zero (deleted), memfd, the 1 MiB malloc chunk
            Kind.Anon, Kind.Guard, Kind.Shm, Kind.Shm, Kind.Anon,
            // libc.so.6 and the anonymous memory after it
            Kind.Rodata, Kind.Text, Kind.Rodata, Kind.Relro, Kind.Data, Kind.Anon,
            // hello-deleted.dat (shared), the rwx anon, hello-mapped.dat twice, anon
            Kind.File, Kind.AnonExec, Kind.File, Kind.File, Kind.Anon,
            Kind.Vvar, Kind.Vvar, Kind.Vdso,
            // ld-linux-x86-64.so.2
            Kind.Rodata, Kind.Text, Kind.Rodata, Kind.Relro, Kind.Data,
            Kind.Stack, Kind.Vsyscall,
        ];
        Assert.Equal(39, capture.Regions.Count);
        Assert.Equal(expected, capture.Regions.Select(r => r.Kind));
        Assert.DoesNotContain(capture.Diagnostics.Items, d => d.Id.StartsWith("FX5", StringComparison.Ordinal));
    }

    [Fact]
    public void Set_hello_maps_names_the_relro_exactly_and_the_anonymous_memory_after_the_data_is_no_modules()
    {
        var capture = NormalisedSamples.Load(CaptureFormat.Maps, "sets", "set-hello", "maps");

        var relro = capture.RegionAt(0x7f1f1f191000);
        Assert.Equal((Kind.Relro, 0x1cf000UL, "libc.so.6"), (relro.Kind, relro.Offset!.Value, relro.Module));
        // libc's bss by position, but only p_memsz could show that it is (liblong1.so's two pages in long-paths are not).
        var after = capture.RegionAt(0x7f1f1f197000);
        Assert.Equal((Kind.Anon, 0x7f1f1f1a4000UL, (string?)null), (after.Kind, after.End, after.Module));
        var rwx = capture.RegionAt(0x7f1f1f1a7000);
        Assert.Equal((Kind.AnonExec, (string?)null), (rwx.Kind, rwx.Module));
        var stack = capture.RegionAt(0x7f1f1d6af000);
        Assert.Equal((Kind.ThreadStack, 0x800000UL), (stack.Kind, stack.Size));
    }

    [Fact]
    public void Set_hello_maps_groups_three_images_and_the_vdso_into_modules()
    {
        var capture = NormalisedSamples.Load(CaptureFormat.Maps, "sets", "set-hello", "maps");

        var modules = capture.Modules.Select(m => (m.Name, m.Path, m.Base, m.End, m.IsMainExecutable)).ToArray();
        // A maps text alone names no executable (no auxv, no command line, no process name): no main executable, rather
        // than the first image.
        (string, string, ulong, ulong, bool)[] expected =
        [
            ("hello", "/opt/forensic/demo/hello", 0x55f5da648000, 0x55f5da64e000, false),
            ("libc.so.6", "/usr/lib/x86_64-linux-gnu/libc.so.6", 0x7f1f1efc2000, 0x7f1f1f197000, false),
            ("[vdso]", "[vdso]", 0x7f1f1f1b6000, 0x7f1f1f1b8000, false),
            ("ld-linux-x86-64.so.2", "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", 0x7f1f1f1b8000, 0x7f1f1f1ed000, false),
        ];
        Assert.Equal(expected, modules);

        var libc = capture.Modules[1].BytesByKind;
        Assert.Equal(
            [new(Kind.Text, 0x156000), new(Kind.Rodata, 0x26000 + 0x53000), new(Kind.Relro, 0x4000), new(Kind.Data, 0x2000)],
            libc.OrderBy(p => p.Key == Kind.Text ? 0 : p.Key == Kind.Rodata ? 1 : p.Key == Kind.Relro ? 2 : p.Key == Kind.Data ? 3 : 4).ToArray());
        Assert.Equal(10, capture.Regions.Count(r => r.Module is not null && r.Module != "[vdso]" && r.Module != "hello"));
    }

    [Fact]
    public void Set_hello_maps_is_x86_64_with_its_evidence()
    {
        var capture = NormalisedSamples.Load(CaptureFormat.Maps, "sets", "set-hello", "maps");

        Assert.Equal(Architecture.X86_64, capture.Architecture);
        Assert.Equal(
            [
                "[38] regions above 4 GiB, the highest ends at [0x7ffc9a2e2000] ([stack])",
                "[vsyscall] gate page at [0xffffffffff600000], which only x86_64 tasks have",
                "x86_64 loader or library path [/usr/lib/x86_64-linux-gnu/libc.so.6]",
            ],
            capture.ArchitectureEvidence);
    }

    [Fact]
    public void Old_i386_maps_is_x86_and_its_rwx_anon_after_the_data_is_anonymous_executable_memory()
    {
        var capture = NormalisedSamples.Load(CaptureFormat.Maps, "public", "text", "prometheus-procfs_26234_maps_i386");

        Assert.Equal(Architecture.X86, capture.Architecture);
        Assert.Equal(
            [
                "[/bin/tcsh] mapped at [0x08048000], the i386 default link address",
                "every address below 4 GiB (the highest end is [0x40015000])",
            ],
            capture.ArchitectureEvidence);
        // 0x808c000-0x8146000 rwxp, 744 KiB: tcsh's bss and the brk heap that a 2.4 kernel grew from it in one mapping,
        // executable as every mapping of a process without NX; nothing in the maps tells where the bss ends.
        Assert.Equal([Kind.Text, Kind.Data, Kind.AnonExec, Kind.Text], capture.Regions.Select(r => r.Kind));
        Assert.Equal(
            // tcsh is the main executable by where it is: 0x08048000, the i386 non-PIE link address.
            [("tcsh", 0x08048000UL, 0x0808c000UL, true), ("ld-2.3.2.so", 0x40000000UL, 0x40015000UL, false)],
            capture.Modules.Select(m => (m.Name, m.Base, m.End, m.IsMainExecutable)));
    }

    [Fact]
    public void Gdb_listing_of_a_32_bit_task_on_a_64_bit_kernel_is_x86()
    {
        var capture = NormalisedSamples.Load(CaptureFormat.Gdb, "public", "text", "nikosChalk_virophage_gdb13_infoproc_i386compat.txt");

        // The gdb parser may already have decided x86 from the column widths; the layout adds its own evidence.
        Assert.Equal(Architecture.X86, capture.Architecture);
        Assert.Equal(
            [
                "[stack] ends at [0xffffe000], near 0xffffe000 where a 64-bit kernel puts a 32-bit task's stack, and there is no [vsyscall]",
                "every address below 4 GiB (the highest end is [0xffffe000])",
            ],
            capture.ArchitectureEvidence.Where(e => e.Contains("0xffffe000", StringComparison.Ordinal)));
        Assert.DoesNotContain(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.ArchitectureContradiction.Id);
        Assert.Equal([Kind.Vvar, Kind.Vdso, Kind.Stack], capture.Regions.Select(r => r.Kind));
        Assert.Equal([("[vdso]", 0xf7ffc000UL, 0xf7ffe000UL)], capture.Modules.Select(m => (m.Name, m.Base, m.End)));
    }

    [Fact]
    public void Set_hello_pmap_groups_modules_by_basename()
    {
        var capture = NormalisedSamples.Load(CaptureFormat.Pmap, "sets", "set-hello", "pmap.txt");

        Assert.Equal(
            [
                ("hello", 0x55f5da648000UL, 0x55f5da64e000UL, true),
                ("libc.so.6", 0x7f1f1efc2000UL, 0x7f1f1f197000UL, false),
                ("ld-linux-x86-64.so.2", 0x7f1f1f1b8000UL, 0x7f1f1f1ed000UL, false),
            ],
            capture.Modules.Select(m => (m.Name, m.Base, m.End, m.IsMainExecutable)));
        Assert.All(capture.Modules, m => Assert.True(m.PathIsBasename));
        Assert.Equal("hello", capture.Modules[0].Path);
        // pmap prints [heap], [vvar] and [vdso] as [ anon ]; the vsyscall page is known by its fixed address.
        Assert.Equal(
            [Kind.Anon, Kind.Anon, Kind.AnonExec, Kind.Stack, Kind.Vsyscall],
            new ulong[] { 0x55f5efaae000, 0x7f1f1f1b0000, 0x7f1f1f1b6000, 0x7ffc9a2c1000, 0xffffffffff600000 }.Select(a => capture.RegionAt(a).Kind));
        Assert.Equal([Kind.Relro, Kind.Shm, Kind.Shm, Kind.Guard, Kind.ThreadStack], new ulong[] { 0x55f5da64c000, 0x7f1f1eeb9000, 0x7f1f1eebb000, 0x7f1f1e6b0000, 0x7f1f1e6b1000 }.Select(a => capture.RegionAt(a).Kind));
        Assert.Equal(Architecture.X86_64, capture.Architecture);
    }

    [Fact]
    public void Out_of_order_line_is_reported_with_its_line_and_regions_are_sorted()
    {
        var lines = File.ReadAllLines(Forensics.TestSupport.TestPaths.CorpusFile("sets", "set-hello", "maps"));
        (lines[1], lines[2]) = (lines[2], lines[1]);
        var builtCapture = NormalisedSamples.ParseText(CaptureFormat.Maps, string.Join('\n', lines) + "\n", "sets", "set-hello", "maps");

        var capture = CaptureNormalizer.Normalize(builtCapture);

        var diagnostic = Assert.Single(capture.Diagnostics.Items, d => d.Id.StartsWith("FX5", StringComparison.Ordinal));
        Assert.Equal((DiagnosticCatalogue.RegionsOutOfOrder.Id, (int?)3), (diagnostic.Id, diagnostic.Location.Line));
        Assert.Equal(
            "region [0x55f5da649000-0x55f5da64b000] starts below the region listed before it [0x55f5da64b000-0x55f5da64c000]",
            diagnostic.Message);
        Assert.True(capture.Regions.Zip(capture.Regions.Skip(1)).All(p => p.First.Start < p.Second.Start));
        Assert.Equal(Kind.Text, capture.RegionAt(0x55f5da649000).Kind);
    }

    [Fact]
    public void Overlapping_line_is_reported_with_its_line()
    {
        var lines = File.ReadAllLines(Forensics.TestSupport.TestPaths.CorpusFile("sets", "set-hello", "maps")).ToList();
        lines.Insert(7, "55f5efac0000-55f5efad0000 rw-p 00000000 00:00 0 ");
        var builtCapture = NormalisedSamples.ParseText(CaptureFormat.Maps, string.Join('\n', lines) + "\n", "sets", "set-hello", "maps");

        var capture = CaptureNormalizer.Normalize(builtCapture);

        var diagnostic = Assert.Single(capture.Diagnostics.Items, d => d.Id.StartsWith("FX5", StringComparison.Ordinal));
        Assert.Equal((DiagnosticCatalogue.RegionsOverlap.Id, (int?)8), (diagnostic.Id, diagnostic.Location.Line));
        Assert.Equal("region [0x55f5efac0000-0x55f5efad0000] overlaps [0x55f5efaae000-0x55f5efacf000] (line 7)", diagnostic.Message);
    }

    [Fact]
    public void Architecture_set_by_an_importer_is_kept_and_contradicting_evidence_reported()
    {
        var builtCapture = NormalisedSamples.Parse(CaptureFormat.Maps, "sets", "set-hello", "maps");
        builtCapture.Architecture = Architecture.X86;
        builtCapture.RegionAt(0x7ffc9a2c1000).StatedKind = Kind.ThreadStack;

        var capture = CaptureNormalizer.Normalize(builtCapture);

        Assert.Equal(Architecture.X86, capture.Architecture);
        Assert.Equal(Kind.ThreadStack, capture.RegionAt(0x7ffc9a2c1000).Kind);
        Assert.Equal("[vsyscall] gate page at [0xffffffffff600000], which only x86_64 tasks have (contradicts x86)", capture.ArchitectureEvidence[1]);
        var diagnostic = Assert.Single(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.ArchitectureContradiction.Id);
        Assert.Equal("the layout suggests [x86_64] but the input says [x86]", diagnostic.Message);
    }

    [Fact]
    public void Set_big_maps_with_20027_regions_normalises_into_its_four_modules()
    {
        var builtCapture = NormalisedSamples.Parse(CaptureFormat.Maps, "sets", "set-big", "maps");

        var capture = CaptureNormalizer.Normalize(builtCapture);

        Assert.Equal(20027, capture.Regions.Count);
        Assert.Equal(4, capture.Modules.Count);
    }

    [Fact]
    public void Old_gdb_listing_without_perms_still_groups_modules_and_knows_the_kernel_pages()
    {
        var capture = NormalisedSamples.Load(CaptureFormat.Gdb, "public", "text", "angr-binaries_test_gdb_plugin_procmap.txt");

        Assert.Equal(
            [
                // This edited listing lost gdb's "process N" line; the executable is known by 0x400000, the non-PIE link address.
                ("test_gdb_plugin", 0x400000UL, 0x601000UL, true),
                ("libc.so.6", 0x7ffff7a17000UL, 0x7ffff7dd7000UL, false),
                // The old ld.so's hole holds [vdso] and [vvar]: a module's range never covers them, so its text and its
                // data are two places.
                ("ld-linux-x86-64.so.2", 0x7ffff7ddc000UL, 0x7ffff7dfc000UL, false),
                ("[vdso]", 0x7ffff7ff8000UL, 0x7ffff7ffa000UL, false),
                ("ld-linux-x86-64.so.2 #2", 0x7ffff7ffc000UL, 0x7ffff7ffe000UL, false),
            ],
            capture.Modules.Select(m => (m.Name, m.Base, m.End, m.IsMainExecutable)));
        // Without permissions an image's parts cannot be told apart, and anonymous memory is only anonymous.
        Assert.Equal(
            [Kind.Unknown, Kind.Anon, Kind.Vdso, Kind.Vvar, Kind.Stack, Kind.Vsyscall],
            new ulong[] { 0x7ffff7a17000, 0x7ffff7dd7000, 0x7ffff7ff8000, 0x7ffff7ffa000, 0x7ffffffdd000, 0xffffffffff600000 }
                .Select(a => capture.RegionAt(a).Kind));
        Assert.Equal(Architecture.X86_64, capture.Architecture);
    }

    [Fact]
    public void Relro_that_shares_its_file_page_with_the_data_is_relro()
    {
        var capture = NormalisedSamples.Load(CaptureFormat.Maps, "sets", "set-dotnet", "maps");

        var dotnet = capture.Modules[0];
        Assert.Equal(("dotnet", "/usr/share/dotnet/dotnet", 0x55978c227000UL, 0x55978c23b000UL, false), (dotnet.Name, dotnet.Path, dotnet.Base, dotnet.End, dotnet.IsMainExecutable));
        Assert.Equal([Kind.Rodata, Kind.Text, Kind.Relro, Kind.Data], capture.Regions.Take(4).Select(r => r.Kind));
    }
}

using Forensics.Importers.Clr;
using Forensics.Model;
using Microsoft.Diagnostics.Runtime;

namespace Forensics.Importers.Tests.Clr;

/// <summary>set-dotnet's <c>createdump-withheap.core</c> (createdump's default, "minidump with heap").</summary>
public sealed class ClrAnnotatorWithHeapTests(DotnetWithHeapDump dump) : IClassFixture<DotnetWithHeapDump>
{
    [Fact]
    public void Runtime_version_is_the_one_the_program_printed()
    {
        var runtime = Assert.IsType<ManagedRuntime>(dump.Capture.Runtime);
        Assert.Equal("10.0.12", runtime.Version);
        Assert.Equal(".NET", runtime.Flavor);
    }

    [Fact]
    public void Every_marker_string_lies_in_a_gc_heap_region()
    {
        var markers = dump.Runtime.Heap.EnumerateObjects()
            .Where(o => o.Type?.Name == "System.String" && IsMarker(o.AsString()))
            .ToList();

        Assert.Equal(1000, markers.Count);
        var roles = markers.Select(o => dump.Capture.Regions.Single(r => r.Contains(o.Address)).RuntimeRole?.ToString()).Distinct().ToList();
        Assert.Equal(["gc-heap gen0"], roles);
        Assert.Equal(0x7f8709000000UL, markers.Min(o => o.Address) & ~0xfffffUL);
    }

    [Fact]
    public void The_sixteen_one_megabyte_blocks_lie_in_the_large_object_heap_region()
    {
        var blocks = dump.Runtime.Heap.EnumerateObjects()
            .Where(o => o.Type?.Name == "System.Byte[]" && o.AsArray().Length == 1 << 20)
            .ToList();

        Assert.Equal(16, blocks.Count);
        var regions = blocks.Select(o => dump.Capture.Regions.Single(r => r.Contains(o.Address))).Distinct().ToList();
        var region = Assert.Single(regions);
        Assert.Equal((0x7f8709c00000UL, 0x7f870ac01000UL), (region.Start, region.End));
        Assert.Equal("gc-heap loh", region.RuntimeRole?.ToString());
    }

    [Fact]
    public void Program_Main_runs_from_a_jit_code_heap_region()
    {
        var main = dump.Runtime.Threads.Single(t => t.OSThreadId == 16873).EnumerateStackTrace()
            .Single(f => f.Kind == ClrStackFrameKind.ManagedMethod && f.Method?.Name == "Main");

        Assert.Equal(0x7f92e4c92030UL, main.InstructionPointer);
        var region = dump.Capture.Regions.Single(r => r.Contains(main.InstructionPointer));
        Assert.Equal((0x7f92e4c90000UL, 0x7f92e4c94000UL), (region.Start, region.End));
        Assert.Equal("/memfd:doublemapper", region.Name);
        Assert.Equal("jit-code-heap", region.RuntimeRole?.ToString());
    }

    [Fact]
    public void Managed_threads_are_joined_to_their_os_threads()
    {
        var threads = dump.Capture.Runtime!.Threads;

        Assert.Equal(
            [
                new ManagedThread(16873, 1, false, false, null, null),
                new ManagedThread(16878, 2, true, false, null, null),
                new ManagedThread(16881, 4, false, false, null, null),
                new ManagedThread(16882, 5, false, false, null, null),
                new ManagedThread(16883, 6, false, false, null, null),
            ],
            threads);
    }

    [Fact]
    public void Managed_modules_have_their_image_bases_and_layouts()
    {
        var modules = dump.Capture.Runtime!.Modules.Select(m => (m.ImageBase, m.Size, System.IO.Path.GetFileName(m.Name), m.IsFileLayout, m.IsDynamic));

        Assert.Equal(
            [
                (0x7f92e1372000UL, 0x3d50UL, "System.Threading.Thread.dll", true, false),
                (0x7f92e13bd000UL, 0xaf28UL, "System.Runtime.dll", true, false),
                (0x7f92e3c70000UL, 0xf28800UL, "System.Private.CoreLib.dll", false, false),
                (0x7f92e4d60000UL, 0x94200UL, "System.Collections.dll", false, false),
                (0x7f9363321000UL, 0x1a00UL, "DotnetHello.dll", true, false),
            ],
            modules);
    }

    // "DOTNET_STRING_MARKER_" + i.ToString("D4") in the sample's Program.cs; the literal prefix alone is a string too.
    private static bool IsMarker(string? text) =>
        text is { Length: 25 } && text.StartsWith("DOTNET_STRING_MARKER_", StringComparison.Ordinal) && text[21..].All(char.IsAsciiDigit);

    [Fact]
    public void A_region_that_heaps_cover_only_in_part_says_it_contains_them()
    {
        string? RoleAt(ulong start) => dump.Capture.Regions.Single(r => r.Start == start).RuntimeRole?.ToString();

        // The gen2 segment ends inside the ---p reservation that follows it (0x7f870bc01000-0x7f92cc000000).
        Assert.Equal("contains gc-heap gen2", RoleAt(0x7f870bc01000));
        // One doublemapper page run shared by a precode heap and a loader heap.
        Assert.Equal("contains stub-heap, loader-heap", RoleAt(0x7f92e4c4c000));
        Assert.Equal("stub-heap", RoleAt(0x7f92e4c40000));
        Assert.Equal(54, dump.Capture.Regions.Count(r => r.RuntimeRole is not null));
    }

    [Fact]
    public void Module_lists_agree_with_clrmd_except_where_the_maps_cannot_know()
    {
        var crossCheck = dump.Capture.Diagnostics.Items.Where(d => d.Id.StartsWith("FX701", StringComparison.Ordinal)).Select(d => d.ToString());

        // ClrMD lists 13 ELF images; all 13 are in our list at the same base with the same path. It does not list
        // the dynamic loader. It reads each image's PT_LOADs, which maps cannot show: five images end where p_memsz ends,
        // past their last file mapping, over the anonymous bss the maps alone do not attribute; libhostfxr.so ends at its
        // data, before five anonymous pages that follow it in maps and are not its bss.
        Assert.Equal(
            [
                "warning FX7012: image [/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libclrjit.so] at [0x7f86ea600000] has size [0x48b000], ClrMD says [0x4cec51]",
                "warning FX7012: image [/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so] at [0x7f9362c00000] has size [0x6cb000], ClrMD says [0x71f398]",
                "warning FX7012: image [/usr/lib/x86_64-linux-gnu/libc.so.6] at [0x7f936341e000] has size [0x1d5000], ClrMD says [0x1e1f50]",
                "warning FX7012: image [/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30] at [0x7f9363600000] has size [0x217000], ClrMD says [0x219880]",
                "warning FX7012: image [/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libhostpolicy.so] at [0x7f9363828000] has size [0x4f000], ClrMD says [0x4f41c]",
                "info FX7011: image [/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2] at [0x7f93639ee000] is not in ClrMD's module list",
            ],
            crossCheck);
        Assert.Equal(13, dump.Target.EnumerateModules().Count(m => m.Kind == ModuleKind.Elf));
    }
}

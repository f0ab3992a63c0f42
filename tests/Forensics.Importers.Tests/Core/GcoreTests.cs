using Forensics.Model;

namespace Forensics.Importers.Tests.Core;

/// <summary>gdb gcore cores of the local samples (docs/formats.md#gdb-gcore-cores).</summary>
public class GcoreTests
{
    private static readonly CaptureBuilder CrashNull = CoreSamples.Import(CoreSamples.LocalCore("set-crash-null", "gcore.core.xz"));

    [Fact]
    public void Gcore_is_told_apart_and_shows_no_crash()
    {
        Assert.Equal("gdb gcore", CrashNull.Variant);
        Assert.Contains("GDB:NT_GDB_TDESC x1", CrashNull.Notes);
        Assert.Equal([16579, 16580, 16581], CrashNull.Threads.Select(t => t.Tid));
        Assert.Equal(0x7ffb9b94b545UL, CrashNull.Threads[0].ProgramCounter);
        Assert.DoesNotContain(CrashNull.Threads, t => t.IsCrashing);
        Assert.Equal((19, 128, (int?)null), (CrashNull.Signal!.Number, CrashNull.Signal.Code, CrashNull.Signal.ThreadId));
    }

    [Fact]
    public void Ranges_gcore_leaves_out_come_from_nt_file_with_unknown_permissions()
    {
        // 22 PT_LOADs plus the 5 file-backed ranges gcore did not write; [vvar] and [vvar_vclock] are in neither.
        Assert.Equal(27, CrashNull.Regions.Count);
        var fileOnly = CrashNull.Regions.Where(r => r.Sources == RegionSources.CoreFile).ToList();
        Assert.Equal(5, fileOnly.Count);
        var libcText = CoreSamples.Region(CrashNull, 0x7ffb9b8a2000);
        Assert.Equal(("/usr/lib/x86_64-linux-gnu/libc.so.6", 0x26000UL, (ulong?)null, "????"),
            (libcText.Name, libcText.Offset!.Value, libcText.DumpedBytes, libcText.Permissions.ToString()));
    }

    [Fact]
    public void Gcore_read_permission_is_unknown_because_bfd_sets_it_everywhere()
    {
        var header = CoreSamples.Region(CrashNull, 0x7ffb9b87c000);
        Assert.Equal(("?--?", 0x26000UL), (header.Permissions.ToString(), header.DumpedBytes!.Value));
        Assert.Equal(RegionSources.CoreLoad | RegionSources.CoreFile, header.Sources);
    }

    [Fact]
    public void Hello_gcore_has_four_threads_and_its_deleted_and_memfd_mappings()
    {
        var capture = CoreSamples.Import(CoreSamples.LocalCore("set-hello", "gcore.core.xz"));
        Assert.Equal([16367, 16368, 16369, 16370], capture.Threads.Select(t => t.Tid));
        Assert.All(capture.Threads, t => Assert.Equal(0x7f1f1f095df2UL, t.ProgramCounter));
        Assert.Equal(37, capture.Regions.Count);
        var memfd = CoreSamples.Region(capture, 0x7f1f1eebb000);
        Assert.Equal(("/memfd:hello-memfd", true), (memfd.Name, memfd.Deleted));
        Assert.Equal(RegionKind.ThreadStack, capture.FindRegion(capture.Threads[1].StackPointer)!.StatedKind);
        Assert.Equal(RegionKind.Stack, capture.FindRegion(capture.Threads[0].StackPointer)!.StatedKind);
    }
}

using Forensics.Model;

namespace Forensics.Model.Tests;

public sealed class RuntimeRoleTests
{
    [Fact]
    public void A_role_lists_gc_heaps_by_name_then_the_native_heaps()
    {
        var role = new RuntimeRole(RuntimeHeaps.LoaderHeap | RuntimeHeaps.JitCodeHeap | RuntimeHeaps.GcHeapGeneration2 | RuntimeHeaps.GcHeapFrozen, Partial: true);

        Assert.Equal("contains gc-heap frozen, gc-heap gen2, jit-code-heap, loader-heap", role.ToString());
        Assert.True(role.IsRuntimeCode);
        Assert.True(role.HasGcHeap);
    }

    [Fact]
    public void A_region_one_heap_covers_reads_as_that_heap_alone()
    {
        var role = new RuntimeRole(RuntimeHeaps.GcHeapLarge, Partial: false);

        Assert.Equal("gc-heap loh", role.ToString());
        Assert.False(role.IsRuntimeCode);
    }
}

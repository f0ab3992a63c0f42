using Forensics.Model;
using Microsoft.Diagnostics.Runtime;

namespace Forensics.Importers.Clr;

/// <summary>Collects the address ranges the runtime uses, with their roles, and writes them onto the regions they touch.</summary>
internal sealed class RegionRoleMap
{
    private readonly List<(ulong Start, ulong End, RuntimeHeaps Heap)> _ranges = [];

    public int Count => _ranges.Count;

    public void Add(ulong start, ulong end, RuntimeHeaps heap)
    {
        if (end > start)
            _ranges.Add((start, end, heap));
    }

    public void AddSegment(ClrSegment segment)
    {
        var start = segment.Start;
        var end = segment.End;
        if (segment.CommittedMemory.Length > 0)
        {
            start = Math.Min(start, segment.CommittedMemory.Start);
            end = Math.Max(end, segment.CommittedMemory.End);
        }
        if (segment.ReservedMemory.Length > 0)
            end = Math.Max(end, segment.ReservedMemory.End);
        Add(start, end, HeapOf(segment.Kind));
    }

    public void AddNativeHeap(ClrNativeHeapInfo heap) =>
        Add(heap.MemoryRange.Start, heap.MemoryRange.End, HeapOf(heap.Kind));

    /// <summary>Sets <see cref="Region.RuntimeRole"/> on every region a range overlaps; returns how many regions got one.</summary>
    public int ApplyTo(CaptureBuilder capture)
    {
        var annotated = 0;
        foreach (var region in capture.Regions)
        {
            var heaps = RuntimeHeaps.None;
            var partial = false;
            foreach (var (start, end, heap) in _ranges)
            {
                if (start >= region.End || end <= region.Start)
                    continue;
                heaps |= heap;
                partial |= start > region.Start || end < region.End;
            }
            if (heaps == RuntimeHeaps.None)
                continue;
            region.RuntimeRole = new RuntimeRole(heaps, partial);
            annotated++;
        }
        return annotated;
    }

    internal static RuntimeHeaps HeapOf(GCSegmentKind kind) => kind switch
    {
        GCSegmentKind.Generation0 => RuntimeHeaps.GcHeapGeneration0,
        GCSegmentKind.Generation1 => RuntimeHeaps.GcHeapGeneration1,
        GCSegmentKind.Generation2 => RuntimeHeaps.GcHeapGeneration2,
        GCSegmentKind.Large => RuntimeHeaps.GcHeapLarge,
        GCSegmentKind.Pinned => RuntimeHeaps.GcHeapPinned,
        GCSegmentKind.Frozen => RuntimeHeaps.GcHeapFrozen,
        GCSegmentKind.Ephemeral => RuntimeHeaps.GcHeapEphemeral,
        _ => RuntimeHeaps.GcHeap,
    };

    internal static RuntimeHeaps HeapOf(NativeHeapKind kind) => kind switch
    {
        NativeHeapKind.LoaderCodeHeap or NativeHeapKind.HostCodeHeap => RuntimeHeaps.JitCodeHeap,
        NativeHeapKind.StubHeap or NativeHeapKind.FixupPrecodeHeap or NativeHeapKind.NewStubPrecodeHeap
            or NativeHeapKind.ThunkHeap or NativeHeapKind.ExecutableHeap or NativeHeapKind.LookupHeap
            or NativeHeapKind.ResolveHeap or NativeHeapKind.DispatchHeap => RuntimeHeaps.StubHeap,
        NativeHeapKind.HighFrequencyHeap or NativeHeapKind.LowFrequencyHeap or NativeHeapKind.IndirectionCellHeap
            or NativeHeapKind.CacheEntryHeap or NativeHeapKind.VtableHeap => RuntimeHeaps.LoaderHeap,
        NativeHeapKind.HandleTable => RuntimeHeaps.HandleTable,
        NativeHeapKind.GCBookkeeping => RuntimeHeaps.GcBookkeeping,
        NativeHeapKind.GCFreeRegion => RuntimeHeaps.GcFreeRegion,
        _ => RuntimeHeaps.RuntimeHeap,
    };
}

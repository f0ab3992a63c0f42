using Forensics.Model;
using Microsoft.Diagnostics.Runtime;

namespace Forensics.Importers.Clr;

/// <summary>Collects the address ranges the runtime uses, with their roles, and writes them onto the regions they touch.</summary>
internal sealed class RegionRoleMap
{
    // Roles in a fixed order so a region shared by several heaps always reads the same.
    private static readonly string[] RoleOrder =
    [
        RuntimeRoles.JitCodeHeap, RuntimeRoles.StubHeap, RuntimeRoles.LoaderHeap, RuntimeRoles.HandleTable,
        RuntimeRoles.GcBookkeeping, RuntimeRoles.GcFreeRegion, RuntimeRoles.RuntimeHeap,
    ];

    private readonly List<(ulong Start, ulong End, string Role)> _ranges = [];

    public int Count => _ranges.Count;

    public void Add(ulong start, ulong end, string role)
    {
        if (end > start)
            _ranges.Add((start, end, role));
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
        Add(start, end, RoleOf(segment.Kind));
    }

    public void AddNativeHeap(ClrNativeHeapInfo heap) =>
        Add(heap.MemoryRange.Start, heap.MemoryRange.End, RoleOf(heap.Kind));

    /// <summary>Sets <see cref="Region.RuntimeRole"/> on every region a range overlaps; returns how many regions got one.</summary>
    public int ApplyTo(Capture capture)
    {
        var annotated = 0;
        foreach (var region in capture.Regions)
        {
            var roles = new SortedSet<string>(Comparer<string>.Create(CompareRoles));
            var partial = false;
            foreach (var (start, end, role) in _ranges)
            {
                if (start >= region.End || end <= region.Start)
                    continue;
                roles.Add(role);
                partial |= start > region.Start || end < region.End;
            }
            if (roles.Count == 0)
                continue;
            var text = string.Join(", ", roles);
            region.RuntimeRole = partial ? RuntimeRoles.ContainsPrefix + text : text;
            annotated++;
        }
        return annotated;
    }

    internal static string RoleOf(GCSegmentKind kind) => kind switch
    {
        GCSegmentKind.Generation0 => RuntimeRoles.GcHeap + " gen0",
        GCSegmentKind.Generation1 => RuntimeRoles.GcHeap + " gen1",
        GCSegmentKind.Generation2 => RuntimeRoles.GcHeap + " gen2",
        GCSegmentKind.Large => RuntimeRoles.GcHeap + " loh",
        GCSegmentKind.Pinned => RuntimeRoles.GcHeap + " poh",
        GCSegmentKind.Frozen => RuntimeRoles.GcHeap + " frozen",
        GCSegmentKind.Ephemeral => RuntimeRoles.GcHeap + " ephemeral",
        _ => RuntimeRoles.GcHeap,
    };

    internal static string RoleOf(NativeHeapKind kind) => kind switch
    {
        NativeHeapKind.LoaderCodeHeap or NativeHeapKind.HostCodeHeap => RuntimeRoles.JitCodeHeap,
        NativeHeapKind.StubHeap or NativeHeapKind.FixupPrecodeHeap or NativeHeapKind.NewStubPrecodeHeap
            or NativeHeapKind.ThunkHeap or NativeHeapKind.ExecutableHeap or NativeHeapKind.LookupHeap
            or NativeHeapKind.ResolveHeap or NativeHeapKind.DispatchHeap => RuntimeRoles.StubHeap,
        NativeHeapKind.HighFrequencyHeap or NativeHeapKind.LowFrequencyHeap or NativeHeapKind.IndirectionCellHeap
            or NativeHeapKind.CacheEntryHeap or NativeHeapKind.VtableHeap => RuntimeRoles.LoaderHeap,
        NativeHeapKind.HandleTable => RuntimeRoles.HandleTable,
        NativeHeapKind.GCBookkeeping => RuntimeRoles.GcBookkeeping,
        NativeHeapKind.GCFreeRegion => RuntimeRoles.GcFreeRegion,
        _ => RuntimeRoles.RuntimeHeap,
    };

    // GC heap roles first (by name), then the native heaps in RoleOrder.
    private static int CompareRoles(string left, string right)
    {
        var byRank = Rank(left).CompareTo(Rank(right));
        return byRank != 0 ? byRank : string.CompareOrdinal(left, right);
    }

    private static int Rank(string role) =>
        role.StartsWith(RuntimeRoles.GcHeap, StringComparison.Ordinal) ? -1 : Array.IndexOf(RoleOrder, role);
}

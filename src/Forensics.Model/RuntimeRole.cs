namespace Forensics.Model;

/// <summary>
/// What a managed runtime uses a region for: the <see cref="Heaps"/> found in it, and whether they cover only part of
/// it (<see cref="Partial"/>) or several share it. Reads <c>jit-code-heap</c> for a region one heap covers entirely,
/// <c>contains jit-code-heap, loader-heap</c> otherwise.
/// </summary>
public readonly record struct RuntimeRole(RuntimeHeaps Heaps, bool Partial)
{
    private const string ContainsPrefix = "contains ";

    /// <summary>True for a JIT code heap or runtime stubs: executable memory the runtime is expected to have.</summary>
    public bool IsRuntimeCode => (Heaps & (RuntimeHeaps.JitCodeHeap | RuntimeHeaps.StubHeap)) != 0;

    /// <summary>True when the region holds any GC heap (a generation, the large or pinned object heap, ...).</summary>
    public bool HasGcHeap => (Heaps & GcHeaps) != 0;

    private const RuntimeHeaps GcHeaps = RuntimeHeaps.GcHeap | RuntimeHeaps.GcHeapEphemeral | RuntimeHeaps.GcHeapFrozen
        | RuntimeHeaps.GcHeapGeneration0 | RuntimeHeaps.GcHeapGeneration1 | RuntimeHeaps.GcHeapGeneration2
        | RuntimeHeaps.GcHeapLarge | RuntimeHeaps.GcHeapPinned;

    /// <summary>The heaps by id in flag order, after <c>contains</c> when they cover the region only in part.</summary>
    public override string ToString()
    {
        var present = Heaps;
        var heaps = Enum.GetValues<RuntimeHeaps>().Where(h => h != RuntimeHeaps.None && present.HasFlag(h)).Select(Id);
        return (Partial ? ContainsPrefix : "") + string.Join(", ", heaps);
    }

    private static string Id(RuntimeHeaps heap) => heap switch
    {
        RuntimeHeaps.GcHeap => "gc-heap",
        RuntimeHeaps.GcHeapEphemeral => "gc-heap ephemeral",
        RuntimeHeaps.GcHeapFrozen => "gc-heap frozen",
        RuntimeHeaps.GcHeapGeneration0 => "gc-heap gen0",
        RuntimeHeaps.GcHeapGeneration1 => "gc-heap gen1",
        RuntimeHeaps.GcHeapGeneration2 => "gc-heap gen2",
        RuntimeHeaps.GcHeapLarge => "gc-heap loh",
        RuntimeHeaps.GcHeapPinned => "gc-heap poh",
        RuntimeHeaps.JitCodeHeap => "jit-code-heap",
        RuntimeHeaps.StubHeap => "stub-heap",
        RuntimeHeaps.LoaderHeap => "loader-heap",
        RuntimeHeaps.HandleTable => "handle-table",
        RuntimeHeaps.GcBookkeeping => "gc-bookkeeping",
        RuntimeHeaps.GcFreeRegion => "gc-free-region",
        RuntimeHeaps.RuntimeHeap => "runtime-heap",
        _ => throw new ArgumentOutOfRangeException(nameof(heap)),
    };
}

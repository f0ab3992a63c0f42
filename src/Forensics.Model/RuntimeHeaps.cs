namespace Forensics.Model;

/// <summary>
/// The heaps of a managed runtime a region can hold, as ClrMD names them. Flags, since heaps can share a region;
/// the values are in the order a <see cref="RuntimeRole"/> lists them: GC heaps first (by name), then the native heaps.
/// </summary>
[Flags]
public enum RuntimeHeaps
{
    None = 0,
    /// <summary>A GC segment of a kind ClrMD does not name.</summary>
    GcHeap = 1 << 0,
    GcHeapEphemeral = 1 << 1,
    GcHeapFrozen = 1 << 2,
    GcHeapGeneration0 = 1 << 3,
    GcHeapGeneration1 = 1 << 4,
    GcHeapGeneration2 = 1 << 5,
    GcHeapLarge = 1 << 6,
    GcHeapPinned = 1 << 7,
    /// <summary>Executable memory the JIT writes managed code into (loader and host code heaps).</summary>
    JitCodeHeap = 1 << 8,
    /// <summary>Executable stubs and precode thunks of the runtime.</summary>
    StubHeap = 1 << 9,
    /// <summary>The runtime's data heaps for types and methods (high/low frequency heaps).</summary>
    LoaderHeap = 1 << 10,
    HandleTable = 1 << 11,
    /// <summary>The GC's own bookkeeping (card tables, mark arrays, region map).</summary>
    GcBookkeeping = 1 << 12,
    /// <summary>A GC region that is free and kept for reuse.</summary>
    GcFreeRegion = 1 << 13,
    /// <summary>A runtime heap whose kind ClrMD does not name.</summary>
    RuntimeHeap = 1 << 14,
}

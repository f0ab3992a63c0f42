namespace Forensics.Elf;

/// <summary>
/// Caps on every count and size read from a core, so a lying header cannot make the reader allocate or loop
/// without bound (the idea of ClrMD's DataTargetLimits). The defaults are far above what real cores hold.
/// </summary>
public sealed record CoreLimits
{
    public static CoreLimits Default { get; } = new();

    /// <summary>Kernel cores have one PT_LOAD per VMA; vm.max_map_count defaults to 65530.</summary>
    public int MaxProgramHeaders { get; init; } = 1 << 20;
    public int MaxNotes { get; init; } = 1 << 16;
    /// <summary>All PT_NOTE bytes of one segment (XSAVE notes are 2–3 KiB per thread).</summary>
    public int MaxNoteSegmentBytes { get; init; } = 64 << 20;
    /// <summary>NT_FILE entries (the kernel caps the note at 4 MiB by default).</summary>
    public int MaxFileEntries { get; init; } = 1 << 20;
    public int MaxImages { get; init; } = 1 << 14;
    public int MaxLinkMapEntries { get; init; } = 1 << 14;
    /// <summary>Longest C string read from core memory (paths, AT_EXECFN).</summary>
    public int MaxStringBytes { get; init; } = 4096;
    /// <summary>Bytes a forward-only stream may keep in memory (headers, notes, first and last pages of segments).</summary>
    public long MaxRetainedBytes { get; init; } = 512L << 20;
    /// <summary>
    /// Segment bytes of a forward-only stream kept whole in the pass that imports it, for the stack walk; a larger core
    /// is decompressed a second time for its walk instead.
    /// </summary>
    public long MaxSinglePassBytes { get; init; } = 64L << 20;
}

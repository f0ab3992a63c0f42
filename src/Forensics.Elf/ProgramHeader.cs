namespace Forensics.Elf;

/// <summary>One program header of either class, widened to 64-bit fields.</summary>
public readonly record struct ProgramHeader(
    int Index,
    uint Type,
    uint Flags,
    ulong Offset,
    ulong VirtualAddress,
    ulong PhysicalAddress,
    ulong FileSize,
    ulong MemorySize,
    ulong Align,
    ulong HeaderOffset)
{
    public bool IsLoad => Type == ElfConstants.SegmentLoad;
    public bool IsNote => Type == ElfConstants.SegmentNote;
    public bool CanRead => (Flags & ElfConstants.FlagRead) != 0;
    public bool CanWrite => (Flags & ElfConstants.FlagWrite) != 0;
    public bool CanExecute => (Flags & ElfConstants.FlagExecute) != 0;

    /// <summary>Exclusive end of the segment in memory; saturates instead of wrapping.</summary>
    public ulong MemoryEnd => VirtualAddress + MemorySize < VirtualAddress ? ulong.MaxValue : VirtualAddress + MemorySize;

    /// <summary>Parses one entry; <paramref name="bytes"/> must hold the class's entry size.</summary>
    public static ProgramHeader Parse(ReadOnlySpan<byte> bytes, bool is64, int index, ulong headerOffset) => is64
        ? new ProgramHeader(index, LittleEndian.U32(bytes, 0), LittleEndian.U32(bytes, 4), LittleEndian.U64(bytes, 8),
            LittleEndian.U64(bytes, 16), LittleEndian.U64(bytes, 24), LittleEndian.U64(bytes, 32), LittleEndian.U64(bytes, 40),
            LittleEndian.U64(bytes, 48), headerOffset)
        : new ProgramHeader(index, LittleEndian.U32(bytes, 0), LittleEndian.U32(bytes, 24), LittleEndian.U32(bytes, 4),
            LittleEndian.U32(bytes, 8), LittleEndian.U32(bytes, 12), LittleEndian.U32(bytes, 16), LittleEndian.U32(bytes, 20),
            LittleEndian.U32(bytes, 28), headerOffset);
}

namespace Forensics.Elf;

/// <summary>The ELF file header of either class, widened to 64-bit fields.</summary>
public sealed record ElfHeader
{
    public required bool Is64 { get; init; }
    public required byte Class { get; init; }
    public required byte Data { get; init; }
    public required byte OsAbi { get; init; }
    public required ushort Type { get; init; }
    public required ushort Machine { get; init; }
    public required ulong Entry { get; init; }
    public required ulong ProgramHeaderOffset { get; init; }
    public required ulong SectionHeaderOffset { get; init; }
    public required uint Flags { get; init; }
    public required ushort ProgramHeaderEntrySize { get; init; }
    public required ushort ProgramHeaderCount { get; init; }
    public required ushort SectionHeaderEntrySize { get; init; }
    public required ushort SectionHeaderCount { get; init; }

    public int WordSize => Is64 ? 8 : 4;
    public int ExpectedProgramHeaderSize => Is64 ? ElfConstants.ProgramHeader64Size : ElfConstants.ProgramHeader32Size;

    /// <summary>
    /// Parses a header from the first bytes of a file or an image in memory. Returns null, and reports why to
    /// <paramref name="sink"/> when one is given, when the bytes are not a little-endian ELF32/ELF64 header.
    /// </summary>
    public static ElfHeader? Parse(ReadOnlySpan<byte> bytes, IElfDiagnosticSink? sink)
    {
        if (!ElfConstants.HasMagic(bytes))
        {
            sink?.Report(ElfProblem.NotElf, 0, "no ELF magic (7f 45 4c 46) at the start");
            return null;
        }
        if (bytes.Length < 16)
        {
            sink?.Report(ElfProblem.TruncatedHeader, 0, $"ELF identification has [{bytes.Length}] bytes, expected [16]");
            return null;
        }
        var elfClass = bytes[4];
        if (elfClass is not (ElfConstants.Class32 or ElfConstants.Class64))
        {
            sink?.Report(ElfProblem.UnsupportedClass, 0, $"EI_CLASS is [{elfClass}], expected [1] (ELFCLASS32) or [2] (ELFCLASS64)");
            return null;
        }
        if (bytes[5] != ElfConstants.DataLittleEndian)
        {
            sink?.Report(ElfProblem.UnsupportedByteOrder, 0, $"EI_DATA is [{bytes[5]}]; only little-endian (1) files are read");
            return null;
        }
        var is64 = elfClass == ElfConstants.Class64;
        var size = is64 ? ElfConstants.Header64Size : ElfConstants.Header32Size;
        if (bytes.Length < size)
        {
            sink?.Report(ElfProblem.TruncatedHeader, 0, $"ELF header has [{bytes.Length}] bytes, expected [{size}]");
            return null;
        }
        return is64
            ? new ElfHeader
            {
                Is64 = true, Class = elfClass, Data = bytes[5], OsAbi = bytes[7],
                Type = LittleEndian.U16(bytes, 16), Machine = LittleEndian.U16(bytes, 18),
                Entry = LittleEndian.U64(bytes, 24), ProgramHeaderOffset = LittleEndian.U64(bytes, 32),
                SectionHeaderOffset = LittleEndian.U64(bytes, 40), Flags = LittleEndian.U32(bytes, 48),
                ProgramHeaderEntrySize = LittleEndian.U16(bytes, 54), ProgramHeaderCount = LittleEndian.U16(bytes, 56),
                SectionHeaderEntrySize = LittleEndian.U16(bytes, 58), SectionHeaderCount = LittleEndian.U16(bytes, 60),
            }
            : new ElfHeader
            {
                Is64 = false, Class = elfClass, Data = bytes[5], OsAbi = bytes[7],
                Type = LittleEndian.U16(bytes, 16), Machine = LittleEndian.U16(bytes, 18),
                Entry = LittleEndian.U32(bytes, 24), ProgramHeaderOffset = LittleEndian.U32(bytes, 28),
                SectionHeaderOffset = LittleEndian.U32(bytes, 32), Flags = LittleEndian.U32(bytes, 36),
                ProgramHeaderEntrySize = LittleEndian.U16(bytes, 42), ProgramHeaderCount = LittleEndian.U16(bytes, 44),
                SectionHeaderEntrySize = LittleEndian.U16(bytes, 46), SectionHeaderCount = LittleEndian.U16(bytes, 48),
            };
    }

    /// <summary>
    /// sh_info of section header 0, which holds the real program header count under PN_XNUM; null when the
    /// bytes are too short.
    /// </summary>
    public uint? ExtendedProgramHeaderCount(ReadOnlySpan<byte> sectionHeader)
    {
        var size = Is64 ? ElfConstants.SectionHeader64Size : ElfConstants.SectionHeader32Size;
        if (sectionHeader.Length < size)
            return null;
        return LittleEndian.U32(sectionHeader, Is64 ? 44 : 28);
    }
}

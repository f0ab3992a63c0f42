using System.Buffers.Binary;
using Forensics.Elf;

namespace Forensics.Symbols.ModuleFiles;

/// <summary>
/// One section header of a little-endian ELF file (System V ABI, "Sections"), read by the project's own reader for
/// the sections ELFSharp would read whole and unbounded (the symbol tables): every offset and size it gives is
/// checked by whoever reads the section.
/// </summary>
internal readonly record struct SectionHeader(int Index, uint NameOffset, uint Type, ulong Offset, ulong Size, uint Link, ulong EntrySize, int TypeFieldOffset)
{
    public const uint SymbolTableType = 2, StringTableType = 3, NoteType = 7, NoBitsType = 8, DynamicSymbolTableType = 11;

    /// <summary>Section headers read at most: ELF counts them in 16 bits, or in section 0 under SHN_XNUM.</summary>
    private const int MaxCount = 1 << 16;

    /// <summary>
    /// The section headers of <paramref name="bytes"/>; null with a problem when the file has none (ELFSharp would then
    /// read the ELF header as section 0) or the table does not lie inside the file.
    /// </summary>
    public static SectionHeader[]? ReadAll(ReadOnlySpan<byte> bytes, ElfHeader header, out string? problem)
    {
        problem = null;
        var size = header.Is64 ? ElfConstants.SectionHeader64Size : ElfConstants.SectionHeader32Size;
        if (header.SectionHeaderOffset == 0)
        {
            problem = "there are no section headers (e_shoff is 0)";
            return null;
        }
        if (header.SectionHeaderEntrySize < size || header.SectionHeaderOffset >= (ulong)bytes.Length)
        {
            problem = $"the section header table at [0x{header.SectionHeaderOffset:x}] (entries of [{header.SectionHeaderEntrySize}] bytes) is not inside the file of [{bytes.Length}] bytes";
            return null;
        }
        var offset = (int)header.SectionHeaderOffset;
        ulong count = header.SectionHeaderCount;
        if (count == 0 && offset + size <= bytes.Length)
            count = header.Is64 ? BinaryPrimitives.ReadUInt64LittleEndian(bytes[(offset + 32)..]) : BinaryPrimitives.ReadUInt32LittleEndian(bytes[(offset + 20)..]); // SHN_XNUM: sh_size of section 0
        var fits = (ulong)(bytes.Length - offset) / header.SectionHeaderEntrySize;
        if (count > fits || count > MaxCount)
        {
            problem = $"the section header table at [0x{offset:x}] claims [{count}] entries, [{Math.Min(fits, MaxCount)}] fit in the file";
            return null;
        }
        var headers = new SectionHeader[(int)count];
        for (var i = 0; i < headers.Length; i++)
        {
            var at = offset + i * header.SectionHeaderEntrySize;
            var entry = bytes[at..];
            headers[i] = header.Is64
                ? new SectionHeader(i, U32(entry, 0), U32(entry, 4), U64(entry, 24), U64(entry, 32), U32(entry, 40), U64(entry, 56), at + 4)
                : new SectionHeader(i, U32(entry, 0), U32(entry, 4), U32(entry, 16), U32(entry, 20), U32(entry, 24), U32(entry, 36), at + 4);
        }
        return headers;
    }

    /// <summary>Whether the section's bytes lie inside a file of <paramref name="fileLength"/> bytes (SHT_NOBITS has none to lie).</summary>
    public bool IsInside(long fileLength) => Type == NoBitsType || (Offset <= (ulong)fileLength && Size <= (ulong)fileLength - Offset);

    /// <summary>The section's bytes; none when they do not lie inside the file or the section is SHT_NOBITS.</summary>
    public ReadOnlySpan<byte> Contents(ReadOnlySpan<byte> bytes) =>
        Type != NoBitsType && IsInside(bytes.Length) ? bytes.Slice((int)Offset, (int)Size) : [];

    private static uint U32(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);
    private static ulong U64(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadUInt64LittleEndian(bytes[offset..]);
}

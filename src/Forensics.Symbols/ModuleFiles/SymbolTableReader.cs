using System.Buffers.Binary;
using System.Text;
using Forensics.Elf;
using Forensics.Symbols.SymbolTables;

namespace Forensics.Symbols.ModuleFiles;

/// <summary>
/// Reads the function symbols of a <c>.symtab</c> or <c>.dynsym</c> (System V ABI, "Symbol Table") from the file's bytes,
/// passing the input's checkpoint every <see cref="ReadCheckpoints.EntriesPerCheck"/> entries, so a table of millions
/// of entries costs what the budget allows. Only function names are decoded. A table that claims more entries than
/// the file holds is read up to the file's end, with a problem.
/// </summary>
internal static class SymbolTableReader
{
    private const int Entry32Size = 16, Entry64Size = 24;
    /// <summary>STT_OBJECT, STT_FUNC and STT_GNU_IFUNC (a function whose address is its resolver's: memcpy, strlen in glibc).</summary>
    private const int TypeObject = 1, TypeFunction = 2, TypeIndirectFunction = 10, BindingGlobal = 1;
    /// <summary>Longest symbol name taken; C++ names of deep templates reach a few KiB.</summary>
    private const int MaxNameBytes = 1 << 16;

    /// <summary>glibc's pointer to the message of the last fatal error (struct abort_msg_s, since glibc 2.11).</summary>
    private static ReadOnlySpan<byte> AbortMessageSymbol => "__abort_msg"u8;

    /// <summary>The table's function symbols in table order, and where <c>__abort_msg</c> is when the table defines it.</summary>
    public static (List<FunctionSymbol> Functions, ulong? AbortMessage) Read(
        ReadOnlySpan<byte> file, IReadOnlyList<SectionHeader> sections, SectionHeader table, bool is64, string where, IReadCheckpoint checkpoint, List<string> problems)
    {
        var functions = new List<FunctionSymbol>();
        ulong? abortMessage = null;
        var entrySize = is64 ? Entry64Size : Entry32Size;
        if (table.Offset > (ulong)file.Length)
        {
            problems.Add($"{where} starts at [0x{table.Offset:x}], past the end of the file of [{file.Length}] bytes");
            return (functions, null);
        }
        var claimed = table.Size / (ulong)entrySize;
        var present = Math.Min(claimed, ((ulong)file.Length - table.Offset) / (ulong)entrySize);
        if (present < claimed)
            problems.Add($"{where} claims [{claimed}] symbols, the file holds [{present}]: the rest are not read");
        var strings = table.Link < sections.Count && sections[(int)table.Link].Type == SectionHeader.StringTableType
            ? sections[(int)table.Link].Contents(file)
            : [];
        var entries = file.Slice((int)table.Offset, (int)present * entrySize);
        for (var i = 0; i < (int)present; i++)
        {
            if (i % ReadCheckpoints.EntriesPerCheck == 0)
                checkpoint.Check(null);
            var entry = entries.Slice(i * entrySize, entrySize);
            var nameOffset = BinaryPrimitives.ReadUInt32LittleEndian(entry);
            var (info, sectionIndex, value, size) = is64
                ? (entry[4], BinaryPrimitives.ReadUInt16LittleEndian(entry[6..]), BinaryPrimitives.ReadUInt64LittleEndian(entry[8..]), BinaryPrimitives.ReadUInt64LittleEndian(entry[16..]))
                : (entry[12], BinaryPrimitives.ReadUInt16LittleEndian(entry[14..]), (ulong)BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]), (ulong)BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]));
            if (sectionIndex == 0)
                continue;
            var type = info & 0xf;
            if (type == TypeObject && abortMessage is null && Name(strings, nameOffset).SequenceEqual(AbortMessageSymbol))
                abortMessage = value;
            if (type is not (TypeFunction or TypeIndirectFunction))
                continue;
            var name = Name(strings, nameOffset);
            if (name.Length > 0)
                functions.Add(new FunctionSymbol(value, size, Encoding.UTF8.GetString(name), info >> 4 == BindingGlobal));
        }
        return (functions, abortMessage);
    }

    private static ReadOnlySpan<byte> Name(ReadOnlySpan<byte> strings, uint offset)
    {
        if (offset >= (uint)strings.Length)
            return [];
        var rest = strings[(int)offset..];
        var end = rest[..Math.Min(rest.Length, MaxNameBytes)].IndexOf((byte)0);
        return end < 0 ? [] : rest[..end];
    }
}

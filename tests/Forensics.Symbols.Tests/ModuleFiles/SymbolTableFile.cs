using System.Buffers.Binary;
using System.Text;

namespace Forensics.Symbols.Tests.ModuleFiles;

/// <summary>
/// Builds an x86_64 shared object whose <c>.symtab</c> holds <c>count</c> functions <c>f_000000</c>, <c>f_000001</c>...
/// of 16 bytes each from 0x1000 (its <c>.text</c> is SHT_NOBITS: the symbols are what is tested), with a GNU build-id.
/// </summary>
internal static class SymbolTableFile
{
    public const ulong TextAddress = 0x1000;
    public const ulong FunctionSize = 16;
    public const string BuildId = "5ea1ed0f5ea1ed0f5ea1ed0f5ea1ed0f5ea1ed0f";

    /// <summary>The file, and where its <c>.symtab</c> section header is (to make it lie).</summary>
    public static (byte[] Bytes, int SymbolTableHeader) Build(int count)
    {
        var strings = new MemoryStream();
        strings.WriteByte(0);
        var symbols = new byte[(count + 1) * 24];
        for (var i = 0; i < count; i++)
        {
            var entry = symbols.AsSpan((i + 1) * 24, 24);
            BinaryPrimitives.WriteUInt32LittleEndian(entry, (uint)strings.Length);
            entry[4] = 0x12; // STB_GLOBAL, STT_FUNC
            BinaryPrimitives.WriteUInt16LittleEndian(entry[6..], 2); // .text
            BinaryPrimitives.WriteUInt64LittleEndian(entry[8..], TextAddress + (ulong)i * FunctionSize);
            BinaryPrimitives.WriteUInt64LittleEndian(entry[16..], FunctionSize);
            strings.Write(Encoding.ASCII.GetBytes($"f_{i:d6}\0"));
        }
        byte[] note = [4, 0, 0, 0, 20, 0, 0, 0, 3, 0, 0, 0, (byte)'G', (byte)'N', (byte)'U', 0, .. Convert.FromHexString(BuildId)];
        var names = new MemoryStream();
        int Name(string name)
        {
            var at = (int)names.Length;
            names.Write(Encoding.ASCII.GetBytes(name + "\0"));
            return at;
        }
        names.WriteByte(0);
        var (noteName, textName, symtabName, strtabName, shstrtabName) = (Name(".note.gnu.build-id"), Name(".text"), Name(".symtab"), Name(".strtab"), Name(".shstrtab"));

        const int noteOffset = 0x200;
        var symbolsOffset = 0x1000;
        var stringsOffset = symbolsOffset + symbols.Length;
        var namesOffset = stringsOffset + (int)strings.Length;
        var headersOffset = (namesOffset + (int)names.Length + 7) & ~7;
        var file = new byte[headersOffset + 6 * 64];
        var elf = file.AsSpan();
        "\x7f"u8.CopyTo(elf);
        "ELF"u8.CopyTo(elf[1..]);
        (elf[4], elf[5], elf[6]) = (2, 1, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(elf[16..], 3); // ET_DYN
        BinaryPrimitives.WriteUInt16LittleEndian(elf[18..], 62); // EM_X86_64
        BinaryPrimitives.WriteUInt32LittleEndian(elf[20..], 1);
        BinaryPrimitives.WriteUInt64LittleEndian(elf[32..], 64); // e_phoff
        BinaryPrimitives.WriteUInt64LittleEndian(elf[40..], (ulong)headersOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(elf[52..], 64);
        BinaryPrimitives.WriteUInt16LittleEndian(elf[54..], 56);
        BinaryPrimitives.WriteUInt16LittleEndian(elf[56..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(elf[58..], 64);
        BinaryPrimitives.WriteUInt16LittleEndian(elf[60..], 6);
        BinaryPrimitives.WriteUInt16LittleEndian(elf[62..], 5); // .shstrtab
        // One PT_LOAD, R+X, over the headers and the note.
        var load = elf[64..];
        BinaryPrimitives.WriteUInt32LittleEndian(load, 1);
        BinaryPrimitives.WriteUInt32LittleEndian(load[4..], 5);
        BinaryPrimitives.WriteUInt64LittleEndian(load[32..], 0x1000);
        BinaryPrimitives.WriteUInt64LittleEndian(load[40..], TextAddress + (ulong)count * FunctionSize);
        note.CopyTo(elf[noteOffset..]);
        symbols.CopyTo(elf[symbolsOffset..]);
        strings.ToArray().CopyTo(elf[stringsOffset..]);
        names.ToArray().CopyTo(elf[namesOffset..]);

        void Section(int index, int name, uint type, ulong flags, ulong address, int offset, long size, uint link, uint info, ulong entrySize)
        {
            var header = file.AsSpan(headersOffset + index * 64);
            BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)name);
            BinaryPrimitives.WriteUInt32LittleEndian(header[4..], type);
            BinaryPrimitives.WriteUInt64LittleEndian(header[8..], flags);
            BinaryPrimitives.WriteUInt64LittleEndian(header[16..], address);
            BinaryPrimitives.WriteUInt64LittleEndian(header[24..], (ulong)offset);
            BinaryPrimitives.WriteUInt64LittleEndian(header[32..], (ulong)size);
            BinaryPrimitives.WriteUInt32LittleEndian(header[40..], link);
            BinaryPrimitives.WriteUInt32LittleEndian(header[44..], info);
            BinaryPrimitives.WriteUInt64LittleEndian(header[48..], 1);
            BinaryPrimitives.WriteUInt64LittleEndian(header[56..], entrySize);
        }
        Section(1, noteName, 7, 2, noteOffset, noteOffset, note.Length, 0, 0, 0);
        Section(2, textName, 8, 6, TextAddress, 0x1000, count * (long)FunctionSize, 0, 0, 0);
        Section(3, symtabName, 2, 0, 0, symbolsOffset, symbols.Length, 4, 1, 24);
        Section(4, strtabName, 3, 0, 0, stringsOffset, strings.Length, 0, 0, 0);
        Section(5, shstrtabName, 3, 0, 0, namesOffset, names.Length, 0, 0, 0);
        return (file, headersOffset + 3 * 64);
    }
}

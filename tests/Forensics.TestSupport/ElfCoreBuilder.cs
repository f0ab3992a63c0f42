using System.Buffers.Binary;
using System.Text;

namespace Forensics.TestSupport;

/// <summary>
/// Writes small ELF32/ELF64 cores from a description, laid out as the kernel does (docs/formats.md#elf-program-headers): header,
/// program headers with the PT_NOTE first, the notes, then the segment data page-aligned. For bounds and
/// malformed-input tests that no real core shows; <see cref="Boundaries"/> lists every header and note edge.
/// </summary>
public sealed class ElfCoreBuilder
{
    private readonly List<(ulong Address, ulong MemorySize, uint Flags, byte[] Data)> _segments = [];
    private readonly List<(string Owner, uint Type, byte[] Descriptor)> _notes = [];

    public bool Is64 { get; init; } = true;
    public ushort Machine { get; init; } = 62;
    public ushort Type { get; init; } = 4;
    public byte OsAbi { get; init; }
    /// <summary>Write e_phnum as PN_XNUM with the real count in a section header at the end of the file.</summary>
    public bool ExtendedNumbering { get; init; }

    /// <summary>File offsets where a header, a note or segment data starts or ends, filled by <see cref="Build"/>.</summary>
    public SortedSet<int> Boundaries { get; } = [];
    public int ProgramHeaderOffset => Is64 ? 64 : 52;
    public int ProgramHeaderSize => Is64 ? 56 : 32;
    public int NoteOffset => ProgramHeaderOffset + ((_segments.Count + 1) * ProgramHeaderSize);

    private int Word => Is64 ? 8 : 4;

    public ElfCoreBuilder Segment(ulong address, ulong memorySize, uint flags, byte[]? data = null)
    {
        _segments.Add((address, memorySize, flags, data ?? []));
        return this;
    }

    public ElfCoreBuilder Note(string owner, uint type, byte[] descriptor)
    {
        _notes.Add((owner, type, descriptor));
        return this;
    }

    public ElfCoreBuilder PrStatus(int tid, int signal, ulong pc, ulong sp)
    {
        var desc = new byte[Is64 ? 336 : 144];
        Int(desc, 0, signal);
        BinaryPrimitives.WriteInt16LittleEndian(desc.AsSpan(12), (short)signal);
        Int(desc, Is64 ? 32 : 24, tid);
        WordAt(desc, Is64 ? 112 + (16 * 8) : 72 + (12 * 4), pc);
        WordAt(desc, Is64 ? 112 + (19 * 8) : 72 + (15 * 4), sp);
        return Note("CORE", 1, desc);
    }

    public ElfCoreBuilder PrPsInfo(int pid, string name, string arguments)
    {
        var desc = new byte[Is64 ? 136 : 124];
        desc[1] = (byte)'R';
        Int(desc, Is64 ? 24 : 12, pid);
        Encoding.ASCII.GetBytes(name).AsSpan(0, Math.Min(name.Length, 15)).CopyTo(desc.AsSpan(Is64 ? 40 : 28));
        Encoding.ASCII.GetBytes(arguments).AsSpan(0, Math.Min(arguments.Length, 79)).CopyTo(desc.AsSpan(Is64 ? 56 : 44));
        return Note("CORE", 3, desc);
    }

    public ElfCoreBuilder SigInfo(int signal, int code, ulong address)
    {
        var desc = new byte[128];
        Int(desc, 0, signal);
        Int(desc, 8, code);
        WordAt(desc, Is64 ? 16 : 12, address);
        return Note("CORE", 0x53494749, desc);
    }

    public ElfCoreBuilder Auxv(params (ulong Type, ulong Value)[] entries)
    {
        var desc = new byte[(entries.Length + 1) * 2 * Word];
        for (var index = 0; index < entries.Length; index++)
        {
            WordAt(desc, index * 2 * Word, entries[index].Type);
            WordAt(desc, ((index * 2) + 1) * Word, entries[index].Value);
        }
        return Note("CORE", 6, desc);
    }

    /// <summary>NT_FILE with the given entries; <paramref name="count"/> overrides the written count (a lying note).</summary>
    public ElfCoreBuilder FileNote(ulong pageSize, (ulong Start, ulong End, ulong Pages, string Name)[] entries, ulong? count = null)
    {
        using var stream = new MemoryStream();
        var word = new byte[Word];
        void Put(ulong value)
        {
            if (Is64) BinaryPrimitives.WriteUInt64LittleEndian(word, value);
            else BinaryPrimitives.WriteUInt32LittleEndian(word, (uint)value);
            stream.Write(word);
        }
        Put(count ?? (ulong)entries.Length);
        Put(pageSize);
        foreach (var (start, end, pages, _) in entries)
        {
            Put(start);
            Put(end);
            Put(pages);
        }
        foreach (var entry in entries)
        {
            stream.Write(Encoding.UTF8.GetBytes(entry.Name));
            stream.WriteByte(0);
        }
        return Note("CORE", 0x46494c45, stream.ToArray());
    }

    public byte[] Build()
    {
        Boundaries.Clear();
        var notes = new MemoryStream();
        foreach (var (owner, type, descriptor) in _notes)
        {
            Boundaries.Add(NoteOffset + (int)notes.Length);
            var name = Encoding.ASCII.GetBytes(owner + "\0");
            var header = new byte[12];
            BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)name.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)descriptor.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), type);
            notes.Write(header);
            notes.Write(name);
            Pad(notes);
            Boundaries.Add(NoteOffset + (int)notes.Length);
            notes.Write(descriptor);
            Pad(notes);
        }
        var noteBytes = notes.ToArray();
        var dataOffset = Align(NoteOffset + noteBytes.Length, 0x1000);
        var offsets = new List<int>();
        var position = dataOffset;
        foreach (var segment in _segments)
        {
            offsets.Add(position);
            position += segment.Data.Length;
        }
        var sectionHeaderOffset = position;
        var total = position + (ExtendedNumbering ? (Is64 ? 64 : 40) : 0);
        var file = new byte[total];

        var phnum = _segments.Count + 1;
        WriteHeader(file, ExtendedNumbering ? 0xffff : phnum, ExtendedNumbering ? (ulong)sectionHeaderOffset : 0);
        Boundaries.Add(Is64 ? 64 : 52);
        WriteProgramHeader(file, 0, 4, 0, (ulong)NoteOffset, 0, (ulong)noteBytes.Length, 0, 4);
        for (var index = 0; index < _segments.Count; index++)
        {
            var (address, memorySize, flags, data) = _segments[index];
            WriteProgramHeader(file, index + 1, 1, flags, (ulong)offsets[index], address, (ulong)data.Length, memorySize, 0x1000);
            data.CopyTo(file, offsets[index]);
            Boundaries.Add(offsets[index]);
        }
        for (var index = 0; index <= _segments.Count; index++)
            Boundaries.Add(ProgramHeaderOffset + (index * ProgramHeaderSize));
        noteBytes.CopyTo(file, NoteOffset);
        Boundaries.Add(NoteOffset + noteBytes.Length);
        if (ExtendedNumbering)
        {
            // Section header 0: sh_info (offset 44 / 28) carries the program header count.
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(sectionHeaderOffset + (Is64 ? 44 : 28)), (uint)phnum);
            Boundaries.Add(sectionHeaderOffset);
        }
        Boundaries.Add(total);
        return file;
    }

    private void WriteHeader(byte[] file, int phnum, ulong sectionHeaderOffset)
    {
        file[0] = 0x7f;
        file[1] = (byte)'E';
        file[2] = (byte)'L';
        file[3] = (byte)'F';
        file[4] = (byte)(Is64 ? 2 : 1);
        file[5] = 1;
        file[6] = 1;
        file[7] = OsAbi;
        var span = file.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(span[16..], Type);
        BinaryPrimitives.WriteUInt16LittleEndian(span[18..], Machine);
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], 1);
        if (Is64)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(span[32..], 64);
            BinaryPrimitives.WriteUInt64LittleEndian(span[40..], sectionHeaderOffset);
            BinaryPrimitives.WriteUInt16LittleEndian(span[52..], 64);
            BinaryPrimitives.WriteUInt16LittleEndian(span[54..], 56);
            BinaryPrimitives.WriteUInt16LittleEndian(span[56..], (ushort)phnum);
            BinaryPrimitives.WriteUInt16LittleEndian(span[58..], 64);
            BinaryPrimitives.WriteUInt16LittleEndian(span[60..], (ushort)(sectionHeaderOffset == 0 ? 0 : 1));
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[28..], 52);
            BinaryPrimitives.WriteUInt32LittleEndian(span[32..], (uint)sectionHeaderOffset);
            BinaryPrimitives.WriteUInt16LittleEndian(span[40..], 52);
            BinaryPrimitives.WriteUInt16LittleEndian(span[42..], 32);
            BinaryPrimitives.WriteUInt16LittleEndian(span[44..], (ushort)phnum);
            BinaryPrimitives.WriteUInt16LittleEndian(span[46..], 40);
            BinaryPrimitives.WriteUInt16LittleEndian(span[48..], (ushort)(sectionHeaderOffset == 0 ? 0 : 1));
        }
    }

    private void WriteProgramHeader(byte[] file, int index, uint type, uint flags, ulong offset, ulong address, ulong fileSize, ulong memorySize, ulong align)
    {
        var span = file.AsSpan(ProgramHeaderOffset + (index * ProgramHeaderSize));
        BinaryPrimitives.WriteUInt32LittleEndian(span, type);
        if (Is64)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[4..], flags);
            BinaryPrimitives.WriteUInt64LittleEndian(span[8..], offset);
            BinaryPrimitives.WriteUInt64LittleEndian(span[16..], address);
            BinaryPrimitives.WriteUInt64LittleEndian(span[32..], fileSize);
            BinaryPrimitives.WriteUInt64LittleEndian(span[40..], memorySize);
            BinaryPrimitives.WriteUInt64LittleEndian(span[48..], align);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)offset);
            BinaryPrimitives.WriteUInt32LittleEndian(span[8..], (uint)address);
            BinaryPrimitives.WriteUInt32LittleEndian(span[16..], (uint)fileSize);
            BinaryPrimitives.WriteUInt32LittleEndian(span[20..], (uint)memorySize);
            BinaryPrimitives.WriteUInt32LittleEndian(span[24..], flags);
            BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)align);
        }
    }

    private void WordAt(byte[] bytes, int offset, ulong value)
    {
        if (Is64) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(offset), value);
        else BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), (uint)value);
    }

    private static void Int(byte[] bytes, int offset, int value) => BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offset), value);

    private static void Pad(MemoryStream stream)
    {
        while (stream.Length % 4 != 0)
            stream.WriteByte(0);
    }

    private static int Align(int value, int alignment) => (value + alignment - 1) / alignment * alignment;
}

using System.Buffers.Binary;

namespace Forensics.TestSupport;

/// <summary>
/// Writes a copy of a real ELF64 core with one extra PT_LOAD (by default of <see cref="SegmentSize"/> bytes) whose file
/// contents are a hole (a sparse file), so a 64 GiB core costs no disk space. The copy keeps every original
/// byte at its offset; the new program header table (the old entries plus the new one) goes after the end of
/// the original file and <c>e_phoff</c>/<c>e_phnum</c> point to it.
/// </summary>
public static class SparseCoreWriter
{
    public const long SegmentSize = 64L << 30;

    /// <summary>Far above any address the small core maps, below the 47-bit user-space limit.</summary>
    public const ulong SegmentAddress = 0x1000_0000_0000;

    private const int ProgramHeaderOffsetField = 0x20;
    private const int ProgramHeaderEntrySizeField = 0x36;
    private const int ProgramHeaderCountField = 0x38;
    private const int ProgramHeaderSize = 56;
    private const uint LoadType = 1;
    private const uint ReadWriteFlags = 6;
    private const long PageSize = 4096;

    public static void Write(byte[] core, string path, long segmentSize = SegmentSize)
    {
        ArgumentNullException.ThrowIfNull(core);
        if (core.Length < 64 || core[4] != 2 || core[5] != 1)
            throw new ArgumentException("Expected a little-endian ELF64 core.", nameof(core));
        var tableOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(core.AsSpan(ProgramHeaderOffsetField));
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(core.AsSpan(ProgramHeaderEntrySizeField));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(core.AsSpan(ProgramHeaderCountField));
        if (entrySize != ProgramHeaderSize || tableOffset + (long)count * entrySize > core.Length)
            throw new ArgumentException("Unexpected program header table.", nameof(core));

        var newTableOffset = AlignUp(core.Length, 8);
        var newTableSize = (count + 1) * ProgramHeaderSize;
        var segmentOffset = AlignUp(newTableOffset + newTableSize, PageSize);

        var header = core.AsSpan(0, 64).ToArray();
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(ProgramHeaderOffsetField), (ulong)newTableOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(ProgramHeaderCountField), (ushort)(count + 1));

        var table = new byte[newTableSize];
        core.AsSpan((int)tableOffset, count * ProgramHeaderSize).CopyTo(table);
        var entry = table.AsSpan(count * ProgramHeaderSize);
        BinaryPrimitives.WriteUInt32LittleEndian(entry, LoadType);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], ReadWriteFlags);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[8..], (ulong)segmentOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[16..], SegmentAddress);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[24..], 0);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[32..], (ulong)segmentSize);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[40..], (ulong)segmentSize);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[48..], (ulong)PageSize);

        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        file.Write(header);
        file.Write(core.AsSpan(64));
        file.Position = newTableOffset;
        file.Write(table);
        // SetLength extends without writing: the segment's data stay a hole on disk.
        file.SetLength(segmentOffset + segmentSize);
    }

    private static long AlignUp(long value, long alignment) => (value + alignment - 1) / alignment * alignment;
}

using System.Buffers.Binary;

namespace Forensics.Symbols.CallFrames;

/// <summary>
/// A little-endian cursor over bytes of DWARF data. Every read checks the bytes left first; a read past the end
/// sets <see cref="Failed"/>, returns zero and leaves the position at the end, so a parser reads on and checks once.
/// </summary>
internal ref struct DwarfCursor
{
    private readonly ReadOnlySpan<byte> _bytes;

    public DwarfCursor(ReadOnlySpan<byte> bytes, int position = 0)
    {
        _bytes = bytes;
        Position = Math.Clamp(position, 0, bytes.Length);
    }

    private int _position;

    /// <summary>Where the next read starts; setting it outside the bytes (a length that points past the end) fails.</summary>
    public int Position
    {
        readonly get => _position;
        set
        {
            if (value < 0 || value > _bytes.Length)
                Fail();
            else
                _position = value;
        }
    }

    public bool Failed { get; private set; }
    public readonly int Remaining => _bytes.Length - Position;
    public readonly bool AtEnd => Position >= _bytes.Length;

    public byte U8() => Take(1) is { IsEmpty: false } b ? b[0] : (byte)0;
    public ushort U16() => Take(2) is { IsEmpty: false } b ? BinaryPrimitives.ReadUInt16LittleEndian(b) : (ushort)0;
    public uint U32() => Take(4) is { IsEmpty: false } b ? BinaryPrimitives.ReadUInt32LittleEndian(b) : 0;
    public ulong U64() => Take(8) is { IsEmpty: false } b ? BinaryPrimitives.ReadUInt64LittleEndian(b) : 0;
    public ulong Address(bool is64) => is64 ? U64() : U32();

    public ReadOnlySpan<byte> Bytes(ulong count) => count > (ulong)Remaining ? Fail() : Take((int)count);

    /// <summary>An unsigned LEB128; more than ten bytes, or bits beyond 64, fail.</summary>
    public ulong Uleb()
    {
        ulong value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (AtEnd)
                break;
            var b = _bytes[Position++];
            if (shift < 64)
                value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
                return value;
        }
        Fail();
        return 0;
    }

    public long Sleb()
    {
        long value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (AtEnd)
                break;
            var b = _bytes[Position++];
            if (shift < 64)
                value |= (long)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                if (shift + 7 < 64 && (b & 0x40) != 0)
                    value |= -1L << (shift + 7);
                return value;
            }
        }
        Fail();
        return 0;
    }

    /// <summary>A NUL-terminated string of at most <paramref name="maxBytes"/> bytes, as ASCII/UTF-8.</summary>
    public string CString(int maxBytes = 256)
    {
        var rest = _bytes[Position..];
        var end = rest.IndexOf((byte)0);
        if (end < 0 || end > maxBytes)
        {
            Fail();
            return "";
        }
        Position += end + 1;
        return System.Text.Encoding.UTF8.GetString(rest[..end]);
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
            return Fail();
        var slice = _bytes.Slice(Position, count);
        Position += count;
        return slice;
    }

    private ReadOnlySpan<byte> Fail()
    {
        Failed = true;
        _position = _bytes.Length;
        return default;
    }
}

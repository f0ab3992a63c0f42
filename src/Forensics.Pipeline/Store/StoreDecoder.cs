using System.Buffers;
using System.Text;

namespace Forensics.Pipeline.Store;

/// <summary>
/// Reads what <see cref="StoreEncoder"/> wrote, from a stream that holds exactly the declared number of bytes of content,
/// through one buffer, or from a block of it read into memory (<see cref="Block"/>). Every count and length is checked
/// against the bytes of content left before anything is made of it (each item takes at least one byte), so a lying count
/// costs no more than the content that is really there; damage is a <see cref="StoreContentException"/>, never another
/// exception.
/// </summary>
internal sealed class StoreDecoder : IDisposable
{
    private const int BufferBytes = 1 << 16;

    private readonly Stream _input;
    private readonly long _length;
    private readonly byte[] _buffer;
    /// <summary>A block's buffer, rented: returned by <see cref="Dispose"/>.</summary>
    private readonly bool _pooled;
    private readonly List<string> _strings = [];
    private long _fetched;
    private int _position;
    private int _available;

    public StoreDecoder(Stream input, long length)
    {
        _input = input;
        _length = length;
        _buffer = new byte[BufferBytes];
    }

    /// <summary>A decoder of the <paramref name="length"/> bytes at the start of <paramref name="pooled"/>, all there.</summary>
    private StoreDecoder(byte[] pooled, int length)
    {
        _input = Stream.Null;
        _length = length;
        _buffer = pooled;
        _pooled = true;
        _fetched = length;
        _available = length;
    }

    /// <summary>Bytes of declared content not yet decoded.</summary>
    public long Remaining => _length - _fetched + (_available - _position);

    public byte Byte()
    {
        if (_position == _available)
            Fill();
        return _buffer[_position++];
    }

    public bool Boolean() => Byte() switch
    {
        0 => false,
        1 => true,
        var other => throw new StoreContentException($"a flag holds [{other}]"),
    };

    public ulong Unsigned()
    {
        // The buffer nearly always holds the longest number (ten bytes): then read from it without a check a byte.
        var inBuffer = _available - _position >= 10;
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var next = inBuffer ? _buffer[_position++] : Byte();
            value |= (ulong)(next & 0x7f) << shift;
            if (next < 0x80)
                return shift == 63 && next > 1 ? throw new StoreContentException("a number does not fit in 64 bits") : value;
        }
        throw new StoreContentException("a number does not fit in 64 bits");
    }

    public long Signed()
    {
        var raw = Unsigned();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public int Int32()
    {
        var value = Signed();
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new StoreContentException($"[{value}] does not fit in 32 bits");
    }

    public T Enum<T>() where T : struct, System.Enum
    {
        RequireIntEnum<T>();
        var value = Int32();
        var result = System.Runtime.CompilerServices.Unsafe.As<int, T>(ref value);
        return System.Enum.IsDefined(result) ? result : throw new StoreContentException($"[{value}] is not a {typeof(T).Name}");
    }

    /// <summary>A flags value whose bits all lie within <paramref name="all"/>.</summary>
    public T Flags<T>(T all) where T : struct, System.Enum
    {
        RequireIntEnum<T>();
        var value = Int32();
        var mask = System.Runtime.CompilerServices.Unsafe.As<T, int>(ref all);
        return (value & ~mask) == 0 ? System.Runtime.CompilerServices.Unsafe.As<int, T>(ref value)
            : throw new StoreContentException($"[{value}] is not a set of {typeof(T).Name}");
    }

    /// <summary>Every enum of the model is an <see cref="int"/>, which the reinterpreting casts here rely on.</summary>
    private static void RequireIntEnum<T>() where T : struct, System.Enum
    {
        if (System.Runtime.CompilerServices.Unsafe.SizeOf<T>() != sizeof(int))
            throw new NotSupportedException($"[{typeof(T).Name}] is not an int enum");
    }

    public string? String()
    {
        var tag = Unsigned();
        if (tag == 0)
            return null;
        if (tag >= 2)
        {
            var index = tag - 2;
            return index < (ulong)_strings.Count ? _strings[(int)index] : throw new StoreContentException($"string [{index}] is not in the table of [{_strings.Count}]");
        }
        var length = Unsigned();
        if (length > (ulong)Remaining)
            throw new StoreContentException($"a string of [{length}] bytes is longer than the [{Remaining}] bytes of content left");
        var bytes = (int)length;
        string text;
        if (bytes <= _available - _position || bytes <= _buffer.Length && Compact(bytes))
        {
            text = Encoding.UTF8.GetString(_buffer, _position, bytes);
            _position += bytes;
        }
        else
        {
            var whole = new byte[bytes];
            for (var i = 0; i < bytes; i++)
                whole[i] = Byte();
            text = Encoding.UTF8.GetString(whole);
        }
        _strings.Add(text);
        return text;
    }

    public string RequiredString() => String() ?? throw new StoreContentException("a required string is null");

    /// <summary>A count of items that each take at least one byte of the content left.</summary>
    public int Count()
    {
        var count = Unsigned();
        return count <= (ulong)Remaining && count <= (ulong)Array.MaxLength
            ? (int)count
            : throw new StoreContentException($"a count of [{count}] is more than the [{Remaining}] bytes of content left can hold");
    }

    public List<T> List<T>(Func<StoreDecoder, T> read)
    {
        var count = Count();
        // A count is checked against the content left, not against what a list of it costs: grow with what is there.
        var items = new List<T>(Math.Min(count, 1024));
        for (var i = 0; i < count; i++)
            items.Add(read(this));
        return items;
    }

    /// <summary>
    /// After the last item: every declared byte is used, and the stream ends there (reading on makes a compressed stream
    /// check its checksum).
    /// </summary>
    public void End()
    {
        if (Remaining != 0)
            throw new StoreContentException($"[{Remaining}] bytes of content are left after the result");
        Span<byte> extra = stackalloc byte[1];
        if (_input.Read(extra) != 0)
            throw new StoreContentException($"content goes on past the declared [{_length}] bytes");
    }

    /// <summary>
    /// A length, then that many bytes of content read into memory as a decoder of their own, with a string table of its
    /// own (docs/architecture.md#the-kept-result), which cannot read past them. Its memory grows with the bytes really
    /// read, not with the length declared.
    /// </summary>
    public StoreDecoder Block()
    {
        var declared = Unsigned();
        if (declared > (ulong)Remaining)
            throw new StoreContentException($"a block of [{declared}] bytes is longer than the [{Remaining}] bytes of content left");
        // Within the content left, which is within MaxContentBytes: an int.
        var length = (int)declared;
        var block = ArrayPool<byte>.Shared.Rent(Math.Min(length, BufferBytes));
        var filled = 0;
        try
        {
            while (filled < length)
            {
                if (filled == block.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * block.Length, length));
                    block.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(block);
                    block = larger;
                }
                if (_position == _available)
                    Fill();
                var part = Math.Min(_available - _position, Math.Min(block.Length, length) - filled);
                _buffer.AsSpan(_position, part).CopyTo(block.AsSpan(filled));
                _position += part;
                filled += part;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(block);
            throw;
        }
        return new StoreDecoder(block, length);
    }

    /// <summary>After the last item of a <see cref="Block"/>: every byte of it is used.</summary>
    public void EndOfBlock()
    {
        if (Remaining != 0)
            throw new StoreContentException($"[{Remaining}] bytes of a block of [{_length}] are left after its items");
    }

    public void Dispose()
    {
        if (_pooled)
            ArrayPool<byte>.Shared.Return(_buffer);
    }

    /// <summary>Moves what is left in the buffer to its start and fills the rest, until <paramref name="bytes"/> are there.</summary>
    private bool Compact(int bytes)
    {
        var left = _available - _position;
        _buffer.AsSpan(_position, left).CopyTo(_buffer);
        _position = 0;
        _available = left;
        while (_available < bytes)
            Read();
        return true;
    }

    private void Fill()
    {
        _position = 0;
        _available = 0;
        Read();
    }

    private void Read()
    {
        var wanted = (int)Math.Min(_buffer.Length - _available, _length - _fetched);
        if (wanted == 0)
            throw new StoreContentException(_pooled ? $"a block goes on past its [{_length}] bytes" : "the result goes on past its declared length");
        var read = _input.Read(_buffer, _available, wanted);
        if (read == 0)
            throw StoreContentException.Truncated(_fetched, _length);
        _available += read;
        _fetched += read;
    }
}

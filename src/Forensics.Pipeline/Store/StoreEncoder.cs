using System.Buffers;
using System.Text;

namespace Forensics.Pipeline.Store;

/// <summary>
/// Writes the primitives of a store file's content (docs/architecture.md#the-kept-result) to a stream through one
/// buffer, or into pooled buffers kept in memory (a block of regions, whose length goes before it): LEB128 numbers,
/// zigzag for signed ones, and strings through a table, each distinct string written once and then named by its index.
/// Counts the bytes it writes; refuses to pass <see cref="InputResultStore.MaxContentBytes"/>.
/// The buffers are pooled: a batch keeps one result per input, 10,000 buffers of garbage otherwise.
/// </summary>
internal sealed class StoreEncoder : IDisposable
{
    private const int BufferBytes = 1 << 16;

    /// <summary>Null for an encoder that keeps what it writes in <see cref="_kept"/>.</summary>
    private readonly Stream? _output;
    private readonly List<(byte[] Buffer, int Used)> _kept = [];
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
    private int _used;
    // Importers hand most regions the same string instance (a device, a path): compared by reference before hashing.
    private string? _lastString;
    private int _lastIndex;

    /// <summary>An encoder that writes to <paramref name="output"/>.</summary>
    public StoreEncoder(Stream output) => _output = output;

    /// <summary>An encoder that keeps what it writes, for <see cref="WriteTo"/>.</summary>
    public StoreEncoder()
    {
    }

    /// <summary>The bytes of content written so far, once flushed.</summary>
    public long Length { get; private set; }

    public void Byte(byte value)
    {
        if (_used == _buffer.Length)
            Flush();
        _buffer[_used++] = value;
    }

    public void Boolean(bool value) => Byte(value ? (byte)1 : (byte)0);

    public void Unsigned(ulong value)
    {
        // Most numbers of a region are one byte.
        if (value < 0x80 && _used < _buffer.Length)
        {
            _buffer[_used++] = (byte)value;
            return;
        }
        if (_used > _buffer.Length - 10)
            Flush();
        while (value >= 0x80)
        {
            _buffer[_used++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _buffer[_used++] = (byte)value;
    }

    public void Signed(long value) => Unsigned((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>An enum of the model, all of which are stored as <see cref="int"/>.</summary>
    public void Enum<T>(T value) where T : struct, System.Enum
    {
        if (System.Runtime.CompilerServices.Unsafe.SizeOf<T>() != sizeof(int))
            throw new NotSupportedException($"[{typeof(T).Name}] is not an int enum");
        Signed(System.Runtime.CompilerServices.Unsafe.As<T, int>(ref value));
    }

    /// <summary>0 for null, 1 and the UTF-8 bytes for a string not written before, 2 + its index for one that was.</summary>
    public void String(string? value)
    {
        if (value is null)
        {
            Unsigned(0);
            return;
        }
        if (ReferenceEquals(value, _lastString) || _strings.TryGetValue(value, out _lastIndex))
        {
            _lastString = value;
            Unsigned(2 + (ulong)_lastIndex);
            return;
        }
        _lastString = value;
        _lastIndex = _strings.Count;
        _strings.Add(value, _lastIndex);
        Unsigned(1);
        var length = Encoding.UTF8.GetByteCount(value);
        Unsigned((ulong)length);
        if (length > _buffer.Length - _used)
        {
            Flush();
            if (length > _buffer.Length)
            {
                Write(Encoding.UTF8.GetBytes(value));
                return;
            }
        }
        _used += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used));
    }

    public void Count(int count) => Unsigned((ulong)count);

    public void List<T>(IReadOnlyCollection<T> items, Action<StoreEncoder, T> write)
    {
        Count(items.Count);
        foreach (var item in items)
            write(this, item);
    }

    /// <summary>Writes what this encoder kept to <paramref name="output"/>: its length, then its bytes.</summary>
    public void WriteTo(StoreEncoder output)
    {
        Flush();
        output.Unsigned((ulong)Length);
        output.Flush();
        foreach (var (buffer, used) in _kept)
            output.Write(buffer.AsSpan(0, used));
    }

    public void Flush()
    {
        if (_used == 0)
            return;
        if (_output is null)
        {
            Account(_used);
            _kept.Add((_buffer, _used));
            _buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        }
        else
        {
            Write(_buffer.AsSpan(0, _used));
        }
        _used = 0;
    }

    public void Dispose()
    {
        try
        {
            if (_output is not null)
                Flush();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            foreach (var (buffer, _) in _kept)
                ArrayPool<byte>.Shared.Return(buffer);
            _kept.Clear();
        }
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        if (_output is null)
        {
            // Only a string longer than the buffer comes here: kept in a buffer of its own length.
            var copy = ArrayPool<byte>.Shared.Rent(bytes.Length);
            bytes.CopyTo(copy);
            _kept.Add((copy, bytes.Length));
            Account(bytes.Length);
            return;
        }
        Account(bytes.Length);
        _output.Write(bytes);
    }

    private void Account(int bytes)
    {
        Length += bytes;
        if (Length > InputResultStore.MaxContentBytes)
            throw new IOException($"the result is larger than the store's limit of [{InputResultStore.MaxContentBytes}] bytes");
    }
}

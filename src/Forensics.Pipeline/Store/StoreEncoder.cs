using System.Buffers;
using System.Text;

namespace Forensics.Pipeline.Store;

/// <summary>
/// Writes the primitives of a store file's content (docs/architecture.md#the-kept-result) to a stream through one
/// buffer: LEB128 numbers, zigzag for signed ones, and strings through a table, each distinct string written once and
/// then named by its index. Counts the bytes it writes; refuses to pass <see cref="InputResultStore.MaxContentBytes"/>.
/// The buffer is pooled: a batch keeps one result per input, 10,000 buffers of garbage otherwise.
/// </summary>
internal sealed class StoreEncoder : IDisposable
{
    private const int BufferBytes = 1 << 16;

    private readonly Stream _output;
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private int _used;

    public StoreEncoder(Stream output) => _output = output;

    /// <summary>The bytes of content written so far.</summary>
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
        if (_strings.TryGetValue(value, out var index))
        {
            Unsigned(2 + (ulong)index);
            return;
        }
        _strings.Add(value, _strings.Count);
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

    public void Flush()
    {
        if (_used == 0)
            return;
        Write(_buffer.AsSpan(0, _used));
        _used = 0;
    }

    public void Dispose()
    {
        try
        {
            Flush();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        Length += bytes.Length;
        if (Length > InputResultStore.MaxContentBytes)
            throw new IOException($"the result is larger than the store's limit of [{InputResultStore.MaxContentBytes}] bytes");
        _output.Write(bytes);
    }
}

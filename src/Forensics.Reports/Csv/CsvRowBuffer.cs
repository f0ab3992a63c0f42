using System.Buffers;
using System.Globalization;

namespace Forensics.Reports.Csv;

/// <summary>
/// The characters of CSV rows gathered in a pooled buffer and handed to the writer a buffer at a time: numbers are
/// formatted in place, never made into a string per cell. A cell is quoted when it holds a comma, a quote or a line
/// break (RFC 4180), its quotes doubled.
/// </summary>
internal sealed class CsvRowBuffer(TextWriter writer) : IDisposable
{
    private const int Size = 1 << 16;

    /// <summary>Room for the longest cell that is not text: <c>0x</c> and 16 hex digits, or a signed 64-bit number.</summary>
    private const int NumberRoom = 24;

    private char[] _buffer = ArrayPool<char>.Shared.Rent(Size);
    private int _length;

    public void Separator() => Plain(",");

    public void EndRow() => Plain("\n");

    /// <summary>Text known to need no quotes.</summary>
    public void Plain(ReadOnlySpan<char> text)
    {
        if (_length + text.Length > _buffer.Length)
        {
            Flush();
            if (text.Length > _buffer.Length)
            {
                writer.Write(text);
                return;
            }
        }
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    public void Text(string text)
    {
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            Plain(text);
            return;
        }
        Plain("\"");
        var rest = text.AsSpan();
        for (var quote = rest.IndexOf('"'); quote >= 0; quote = rest.IndexOf('"'))
        {
            Plain(rest[..(quote + 1)]);
            Plain("\"");
            rest = rest[(quote + 1)..];
        }
        Plain(rest);
        Plain("\"");
    }

    /// <summary><c>0x</c> and the lower-case hex digits, as the <c>x</c> format prints them (without parsing it per cell).</summary>
    public void Address(ulong value)
    {
        var span = Room();
        span[0] = '0';
        span[1] = 'x';
        var digits = Math.Max(1, (67 - System.Numerics.BitOperations.LeadingZeroCount(value)) / 4);
        for (var i = digits + 1; i >= 2; i--, value >>= 4)
            span[i] = "0123456789abcdef"[(int)(value & 0xf)];
        _length += digits + 2;
    }

    public void Number(ulong value)
    {
        value.TryFormat(Room(), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    public void Number(long value)
    {
        value.TryFormat(Room(), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    public void Flush()
    {
        writer.Write(_buffer, 0, _length);
        _length = 0;
    }

    public void Dispose()
    {
        if (_buffer.Length == 0)
            return;
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
    }

    private Span<char> Room()
    {
        if (_length + NumberRoom > _buffer.Length)
            Flush();
        return _buffer.AsSpan(_length);
    }
}

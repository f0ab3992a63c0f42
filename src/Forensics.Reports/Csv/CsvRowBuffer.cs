using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Forensics.Reports.Escaping;

namespace Forensics.Reports.Csv;

/// <summary>
/// The UTF-8 bytes of CSV rows gathered in a pooled buffer and handed to the stream a buffer at a time: numbers are
/// formatted in place and text encoded in place, never made into a string or an array per cell. A cell is quoted when
/// it holds a comma, a quote or a line break (RFC 4180), its quotes doubled. Writing behind, a full buffer is written on
/// another thread while the rows go on into a second one: the kernel's copy of a large table into the page cache (up to
/// 0.5 s of the 209 MB of a 2,000,000-region regions.csv) then costs the writer no time on a machine with a core to
/// spare. One write is under way at most, so the bytes reach the stream in order.
/// </summary>
internal sealed class CsvRowBuffer(Stream stream, bool writeBehind) : IDisposable
{
    private const int Size = 1 << 18;

    /// <summary>Room for the longest cell that is not text: <c>0x</c> and 16 hex digits, or a signed 64-bit number.</summary>
    private const int NumberRoom = 24;

    private static readonly SearchValues<char> NeedQuotes = SearchValues.Create(",\"\r\n");

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Size);
    private byte[] _spare = writeBehind ? ArrayPool<byte>.Shared.Rent(Size) : [];
    private int _length;

    /// <summary>The write of <see cref="_spare"/> under way, if any.</summary>
    private Task? _writing;

    /// <summary>
    /// A text cell's bytes as the table writer prints them (<see cref="UntrustedText.Csv"/>, then <see cref="Text"/>):
    /// printable ASCII with no comma or quote that no spreadsheet reads as a formula is its own bytes, the rest goes the
    /// general way.
    /// </summary>
    public static byte[] Cell(string text)
    {
        var span = text.AsSpan();
        if (span.Length > 0 && span.IndexOfAnyExceptInRange(' ', '~') < 0 && span.IndexOfAny(',', '"') < 0
            && span[0] is not ('=' or '+' or '-' or '@'))
            return Encoding.ASCII.GetBytes(text);
        using var bytes = new MemoryStream();
        using (var row = new CsvRowBuffer(bytes, writeBehind: false))
        {
            row.Text(UntrustedText.Csv(text));
            row.Complete();
        }
        return bytes.ToArray();
    }

    public void Separator() => Byte((byte)',');

    public void EndRow() => Byte((byte)'\n');

    /// <summary>Bytes as they are: ASCII known to need no quotes, or rows formatted already.</summary>
    public void Plain(ReadOnlySpan<byte> text)
    {
        if (_length + text.Length > _buffer.Length)
        {
            Flush();
            if (text.Length > _buffer.Length)
            {
                Written();
                stream.Write(text);
                return;
            }
        }
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    public void Text(string text)
    {
        if (text.AsSpan().IndexOfAny(NeedQuotes) < 0)
        {
            Encoded(text);
            return;
        }
        Byte((byte)'"');
        var rest = text.AsSpan();
        for (var quote = rest.IndexOf('"'); quote >= 0; quote = rest.IndexOf('"'))
        {
            Encoded(rest[..(quote + 1)]);
            Byte((byte)'"');
            rest = rest[(quote + 1)..];
        }
        Encoded(rest);
        Byte((byte)'"');
    }

    /// <summary><c>0x</c> and the lower-case hex digits, as the <c>x</c> format prints them (without parsing it per cell).</summary>
    public void Address(ulong value)
    {
        // Room() may hand the buffer to the stream and start it again: the length is read after it.
        var written = Address(Room(), value);
        _length += written;
    }

    /// <summary>Prints <paramref name="value"/> as <see cref="Address(ulong)"/> does at the start of <paramref name="span"/>; returns the bytes printed.</summary>
    public static int Address(Span<byte> span, ulong value)
    {
        var digits = Math.Max(1, (67 - System.Numerics.BitOperations.LeadingZeroCount(value)) / 4);
        // One bounds check for the cell rather than one a digit.
        var cell = span[..(digits + 2)];
        cell[0] = (byte)'0';
        cell[1] = (byte)'x';
        // Two digits a step from a table of the 256 byte values: half the steps and stores of one digit a step.
        var i = cell.Length;
        for (; i - 2 >= 2; i -= 2, value >>= 8)
        {
            var pair = (int)(value & 0xff) * 2;
            cell[i - 2] = HexPairs[pair];
            cell[i - 1] = HexPairs[pair + 1];
        }
        if (i > 2)
            cell[2] = HexPairs[(int)(value & 0xf) * 2 + 1];
        return cell.Length;
    }

    private static readonly byte[] HexPairs =
        Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 256).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))));

    public void Number(ulong value)
    {
        Utf8Formatter.TryFormat(value, Room(), out var written);
        _length += written;
    }

    public void Number(long value)
    {
        Utf8Formatter.TryFormat(value, Room(), out var written);
        _length += written;
    }

    /// <summary>Hands what is buffered to the stream; <see cref="Complete"/> waits until it is written.</summary>
    public void Flush()
    {
        Written();
        if (_length == 0)
            return;
        if (!writeBehind)
        {
            stream.Write(_buffer, 0, _length);
            _length = 0;
            return;
        }
        (_buffer, _spare) = (_spare, _buffer);
        var (full, length) = (_spare, _length);
        _length = 0;
        _writing = Task.Run(() => stream.Write(full, 0, length));
    }

    /// <summary>Writes what is buffered and waits until all of it is in the stream; a failed write throws here.</summary>
    public void Complete()
    {
        Flush();
        Written();
    }

    public void Dispose()
    {
        if (_buffer.Length == 0)
            return;
        // After a failure elsewhere the write under way must still end before its buffer goes back to the pool; its own
        // failure, if any, is not the one to report then (Complete reports it when the rows were all written).
        try
        {
            _writing?.Wait();
        }
        catch (AggregateException)
        {
        }
        ArrayPool<byte>.Shared.Return(_buffer);
        if (_spare.Length > 0)
            ArrayPool<byte>.Shared.Return(_spare);
        _buffer = _spare = [];
    }

    /// <summary>Waits for the write under way; rethrows what failed it as the stream threw it.</summary>
    private void Written()
    {
        if (_writing is not { } writing)
            return;
        _writing = null;
        writing.GetAwaiter().GetResult();
    }

    private void Byte(byte value)
    {
        if (_length == _buffer.Length)
            Flush();
        _buffer[_length++] = value;
    }

    /// <summary>
    /// The text as UTF-8 (a lone surrogate as U+FFFD, as the encoder of a text writer gives it). A cell longer than the
    /// buffer can take at three bytes a character is encoded whole and written past it.
    /// </summary>
    private void Encoded(ReadOnlySpan<char> text)
    {
        var most = text.Length * 3;
        if (_length + most > _buffer.Length)
        {
            Flush();
            if (most > _buffer.Length)
            {
                Written();
                stream.Write(Utf8.GetBytes(text.ToArray()));
                return;
            }
        }
        _length += Utf8.GetBytes(text, _buffer.AsSpan(_length));
    }

    private Span<byte> Room()
    {
        if (_length + NumberRoom > _buffer.Length)
            Flush();
        return _buffer.AsSpan(_length);
    }
}

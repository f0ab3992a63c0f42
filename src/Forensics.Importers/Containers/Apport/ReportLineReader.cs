using Forensics.Importers.Budget;

namespace Forensics.Importers.Containers.Apport;

/// <summary>
/// Reads an apport report forward, byte by byte through a buffer, counting lines; nothing is held beyond the line
/// asked for, so a core of gigabytes in base64 passes through a fixed buffer.
/// </summary>
internal sealed class ReportLineReader(Stream stream, ReadBudget budget)
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _position, _length;

    /// <summary>1-based number of the line the next byte belongs to.</summary>
    public int Line { get; private set; } = 1;

    /// <summary>Bytes consumed so far.</summary>
    public long Offset { get; private set; }

    /// <summary>The next byte without consuming it; -1 at the end.</summary>
    public int Peek() => Fill() ? _buffer[_position] : -1;

    /// <summary>The next byte; -1 at the end. A line feed advances <see cref="Line"/>.</summary>
    public int Read()
    {
        if (!Fill())
            return -1;
        var value = _buffer[_position++];
        Offset++;
        if (value == (byte)'\n')
        {
            Line++;
            if (Line % ReadBudget.LinesPerCheck == 0)
                budget.CheckAtLine(Line);
        }
        return value;
    }

    /// <summary>
    /// Reads the rest of the line into <paramref name="line"/> (without its line feed) up to <paramref name="maxBytes"/>
    /// bytes and skips what is beyond; false when the line was longer. A carriage return before the line feed is dropped.
    /// </summary>
    public bool ReadLine(List<byte> line, int maxBytes)
    {
        var whole = true;
        while (Fill())
        {
            var span = _buffer.AsSpan(_position, _length - _position);
            var end = span.IndexOf((byte)'\n');
            var take = end < 0 ? span : span[..end];
            var room = Math.Max(0, maxBytes - line.Count);
            if (take.Length > room)
                whole = false;
            line.AddRange(take[..Math.Min(room, take.Length)]);
            _position += take.Length;
            Offset += take.Length;
            if (end >= 0)
            {
                Read();
                break;
            }
            budget.CheckAtOffset((ulong)Offset);
        }
        if (line.Count > 0 && line[^1] == (byte)'\r')
            line.RemoveAt(line.Count - 1);
        return whole;
    }

    /// <summary>Skips to the start of the next line.</summary>
    public void SkipLine()
    {
        while (Fill())
        {
            var span = _buffer.AsSpan(_position, _length - _position);
            var end = span.IndexOf((byte)'\n');
            if (end >= 0)
            {
                _position += end;
                Offset += end;
                Read();
                return;
            }
            _position = _length;
            Offset += span.Length;
            budget.CheckAtOffset((ulong)Offset);
        }
    }

    private bool Fill()
    {
        if (_position < _length)
            return true;
        _position = 0;
        _length = stream.Read(_buffer);
        return _length > 0;
    }
}

using System.Text;
using Forensics.Importers.Budget;

namespace Forensics.Importers.Text;

/// <summary>
/// Walks UTF-8 text line by line (LF or CRLF), with the 1-based line number of each line in the input file. Every text
/// parser reads through here, so this is where the parser's <see cref="ReadBudget"/> is checked for text.
/// </summary>
/// <remarks>
/// The bytes are decoded a chunk of whole lines at a time, never as one string: a 98 MB maps file was 196 MB of
/// characters beside its bytes before the first region was made. A line feed byte is never part of a longer UTF-8
/// sequence, so chunks cut after one decode to exactly the characters the whole text would. Each chunk is a new
/// array, so a line stays readable after the walk has moved on (the span keeps its chunk alive).
/// </remarks>
internal ref struct TextLines
{
    /// <summary>Bytes decoded at once: the chunk's characters stay below the large object heap.</summary>
    private const int ChunkBytes = 32 * 1024;

    private readonly ReadBudget _budget;
    private ReadOnlySpan<byte> _undecoded;
    private ReadOnlySpan<char> _rest;
    private readonly int _firstLine;
    private int _nextNumber;
    private bool _done;
    private bool _checkedAtEnd;

    public TextLines(ReadOnlySpan<byte> utf8, int firstLine, ReadBudget budget)
    {
        _budget = budget;
        _undecoded = utf8;
        _rest = default;
        _firstLine = firstLine;
        _nextNumber = firstLine;
        _done = utf8.IsEmpty;
    }

    public bool MoveNext(out ReadOnlySpan<char> line, out int number)
    {
        if (_done)
        {
            // The end is a checkpoint too: what the last few thousand lines allocated counts.
            if (_nextNumber != _firstLine && !_checkedAtEnd)
                _budget.CheckAtLine(_nextNumber - 1);
            _checkedAtEnd = true;
            line = default;
            number = 0;
            return false;
        }
        number = _nextNumber++;
        if ((number - _firstLine) % ReadBudget.LinesPerCheck == 0)
            _budget.CheckAtLine(number);
        if (_rest.IsEmpty)
        {
            var chars = DecodeChunk(ref _undecoded, out var count);
            _rest = chars.AsSpan(0, count);
        }
        var end = _rest.IndexOf('\n');
        if (end < 0)
        {
            line = _rest;
            _rest = default;
            _done = true;
        }
        else
        {
            line = _rest[..end];
            _rest = _rest[(end + 1)..];
            // A final newline ends the last line; it does not start an empty one.
            _done = _rest.IsEmpty && _undecoded.IsEmpty;
        }
        if (!line.IsEmpty && line[^1] == '\r')
            line = line[..^1];
        return true;
    }

    /// <summary>Decodes the whole lines within the next <see cref="ChunkBytes"/> (at least one line) and moves past them.</summary>
    private static char[] DecodeChunk(ref ReadOnlySpan<byte> undecoded, out int count)
    {
        var length = undecoded.Length;
        if (length > ChunkBytes)
        {
            var lastNewline = undecoded[..ChunkBytes].LastIndexOf((byte)'\n');
            if (lastNewline < 0)
            {
                var next = undecoded.IndexOf((byte)'\n');
                lastNewline = next < 0 ? length - 1 : next;
            }
            length = lastNewline + 1;
        }
        // UTF-8 never decodes to more characters than it has bytes (an invalid byte becomes one U+FFFD).
        var chars = new char[length];
        count = Encoding.UTF8.GetChars(undecoded[..length], chars);
        undecoded = undecoded[length..];
        return chars;
    }
}

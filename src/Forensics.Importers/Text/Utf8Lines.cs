using Forensics.Importers.Budget;

namespace Forensics.Importers.Text;

/// <summary>
/// Walks UTF-8 text line by line (LF or CRLF) as bytes, with the 1-based line number of each line in the input file,
/// passing the parser's <see cref="ReadBudget"/> checkpoints. <see cref="TextLines"/> decodes these lines; the maps
/// parser reads most lines without decoding them (every field the kernel prints is ASCII, so only a name, or a line it
/// cannot read so, needs characters). At each checkpoint it may also tell the caller how far the text has been read
/// (<c>readUpTo</c>: the offset of the line about to be returned; no line before it is read again).
/// </summary>
internal ref struct Utf8Lines
{
    private ReadOnlySpan<byte> _rest;
    private readonly ReadBudget _budget;
    private readonly int _firstLine;
    private readonly int _length;
    private readonly Action<int>? _readUpTo;
    private int _nextNumber;
    private bool _done;
    private bool _checkedAtEnd;

    public Utf8Lines(ReadOnlySpan<byte> utf8, int firstLine, ReadBudget budget, Action<int>? readUpTo = null)
    {
        _rest = utf8;
        _length = utf8.Length;
        _readUpTo = readUpTo;
        _budget = budget;
        _firstLine = firstLine;
        _nextNumber = firstLine;
        _done = utf8.IsEmpty;
    }

    public bool MoveNext(out ReadOnlySpan<byte> line, out int number)
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
        {
            _budget.CheckAtLine(number);
            _readUpTo?.Invoke(_length - _rest.Length);
        }
        var end = _rest.IndexOf((byte)'\n');
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
            _done = _rest.IsEmpty;
        }
        if (!line.IsEmpty && line[^1] == '\r')
            line = line[..^1];
        return true;
    }
}

using Forensics.Importers.Budget;

namespace Forensics.Importers.Text;

/// <summary>
/// Walks text line by line (LF or CRLF), with the 1-based line number of each line in the input file. Every text
/// parser reads through here, so this is where the parser's <see cref="ReadBudget"/> is checked for text.
/// </summary>
internal ref struct TextLines
{
    private readonly ReadBudget _budget;
    private ReadOnlySpan<char> _rest;
    private readonly int _firstLine;
    private int _nextNumber;
    private bool _done;
    private bool _checkedAtEnd;

    public TextLines(ReadOnlySpan<char> text, int firstLine, ReadBudget budget)
    {
        _budget = budget;
        _rest = text;
        _firstLine = firstLine;
        _nextNumber = firstLine;
        _done = text.IsEmpty;
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
        var end = _rest.IndexOf('\n');
        if (end < 0)
        {
            line = _rest;
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

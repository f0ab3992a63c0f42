using System.Text;
using Forensics.Importers.Budget;

namespace Forensics.Importers.Text;

/// <summary>
/// Walks UTF-8 text line by line (LF or CRLF) as characters, with the 1-based line number of each line in the input
/// file. Every text parser reads through here or through <see cref="Utf8Lines"/>, which splits, numbers and checks the
/// parser's <see cref="ReadBudget"/>.
/// </summary>
/// <remarks>
/// The bytes are decoded a line at a time into a chunk of characters, never as one string: a 98 MB maps file was
/// 196 MB of characters beside its bytes before the first region was made. A line feed byte is never part of a longer
/// UTF-8 sequence, so lines decode to exactly the characters the whole text would. A full chunk is left to the
/// collector, not reused, so a line stays readable after the walk has moved on (the span keeps its chunk alive).
/// </remarks>
internal ref struct TextLines
{
    /// <summary>Characters of one chunk: it stays below the large object heap.</summary>
    private const int ChunkChars = 32 * 1024;

    private Utf8Lines _lines;
    private char[] _chunk;
    private int _used;

    public TextLines(ReadOnlySpan<byte> utf8, int firstLine, ReadBudget budget)
    {
        _lines = new Utf8Lines(utf8, firstLine, budget);
        _chunk = [];
        _used = 0;
    }

    public bool MoveNext(out ReadOnlySpan<char> line, out int number)
    {
        if (!_lines.MoveNext(out var bytes, out number))
        {
            line = default;
            return false;
        }
        // UTF-8 never decodes to more characters than it has bytes (an invalid byte becomes one U+FFFD).
        if (_chunk.Length - _used < bytes.Length)
        {
            _chunk = new char[Math.Max(ChunkChars, bytes.Length)];
            _used = 0;
        }
        var count = Encoding.UTF8.GetChars(bytes, _chunk.AsSpan(_used));
        line = _chunk.AsSpan(_used, count);
        _used += count;
        return true;
    }
}

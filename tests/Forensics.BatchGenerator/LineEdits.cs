namespace Forensics.BatchGenerator;

/// <summary>Replacements collected per line and applied right to left, so earlier field positions stay valid.</summary>
internal sealed class LineEdits
{
    private readonly Dictionary<int, List<(int Index, int Length, string Text)>> _edits = [];

    public void Replace(int line, TextField field, string text) => Replace(line, field.Index, field.Length, text);

    public void Replace(int line, int index, int length, string text)
    {
        if (!_edits.TryGetValue(line, out var list))
            _edits.Add(line, list = []);
        list.Add((index, length, text));
    }

    /// <summary>
    /// Replaces a right-aligned number: a longer value takes the blanks on its left (keeping one), a shorter one is
    /// padded with blanks, so the columns after it stay where they were.
    /// </summary>
    public void ReplaceRightAligned(int line, string lineText, TextField field, string text)
    {
        var index = field.Index;
        var length = field.Length;
        if (text.Length < length)
        {
            text = text.PadLeft(length);
        }
        else if (text.Length > length)
        {
            var blanks = 0;
            while (index - blanks - 1 >= 0 && lineText[index - blanks - 1] == ' ')
                blanks++;
            var taken = Math.Min(text.Length - length, Math.Max(0, blanks - 1));
            index -= taken;
            length += taken;
        }
        Replace(line, index, length, text);
    }

    public void ApplyTo(List<string> lines)
    {
        foreach (var (line, list) in _edits)
        {
            var text = lines[line];
            foreach (var (index, length, replacement) in list.OrderByDescending(e => e.Index))
                text = string.Concat(text.AsSpan(0, index), replacement, text.AsSpan(index + length));
            lines[line] = text;
        }
    }
}

namespace Forensics.Reports.Markdown;

/// <summary>
/// Writes a Markdown document with <c>\n</c> line ends to a <see cref="TextWriter"/> as it goes (a report of thousands
/// of captures is never held whole); every untrusted value arrives as a <see cref="MarkdownCell"/>.
/// </summary>
internal sealed class MarkdownDocument(TextWriter text)
{
    private readonly TextWriter _text = text;
    private bool _started;

    /// <summary>What <paramref name="write"/> writes, as one string: for the terminal commands and the tests.</summary>
    public static string Render(Action<TextWriter> write)
    {
        using var text = new StringWriter { NewLine = "\n" };
        write(text);
        return text.ToString();
    }

    public MarkdownDocument Heading(int level, MarkdownCell title)
    {
        Separate();
        _text.Write(new string('#', level));
        _text.Write(' ');
        _text.Write(title.Markdown);
        _text.Write('\n');
        return this;
    }

    public MarkdownDocument Paragraph(params MarkdownCell[] parts)
    {
        Separate();
        foreach (var part in parts)
            _text.Write(part.Markdown);
        _text.Write('\n');
        return this;
    }

    /// <summary>A bullet list; nothing is written for an empty list.</summary>
    public MarkdownDocument Bullets(IEnumerable<MarkdownCell> items)
    {
        var first = true;
        foreach (var item in items)
        {
            if (first)
                Separate();
            first = false;
            _text.Write("- ");
            _text.Write(item.Markdown);
            _text.Write('\n');
        }
        return this;
    }

    /// <summary>A table; with no rows, <paramref name="empty"/> is written instead (when given).</summary>
    public MarkdownDocument Table(IReadOnlyList<MarkdownCell> headers, IEnumerable<IReadOnlyList<MarkdownCell>> rows, string? empty = null)
    {
        var any = false;
        foreach (var row in rows)
        {
            if (!any)
            {
                Separate();
                _text.Write('|');
                foreach (var header in headers)
                {
                    _text.Write(' ');
                    _text.Write(header.Markdown);
                    _text.Write(" |");
                }
                _text.Write("\n|");
                foreach (var _ in headers)
                    _text.Write("---|");
                _text.Write('\n');
            }
            any = true;
            _text.Write('|');
            foreach (var cell in row)
            {
                _text.Write(' ');
                _text.Write(cell.Markdown);
                _text.Write(" |");
            }
            _text.Write('\n');
        }
        if (!any && empty is not null)
            Paragraph(MarkdownCell.Trusted("_" + empty + "_"));
        return this;
    }

    /// <summary>A fenced block of our own plain text (the layout bar); it never holds evidence text.</summary>
    public MarkdownDocument Code(IEnumerable<string> lines)
    {
        Separate();
        _text.Write("```text\n");
        foreach (var line in lines)
        {
            _text.Write(line);
            _text.Write('\n');
        }
        _text.Write("```\n");
        return this;
    }

    private void Separate()
    {
        if (_started)
            _text.Write('\n');
        _started = true;
    }
}

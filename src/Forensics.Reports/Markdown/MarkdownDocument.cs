using System.Text;

namespace Forensics.Reports.Markdown;

/// <summary>Builds a Markdown document with <c>\n</c> line ends; every untrusted value arrives as a <see cref="MarkdownCell"/>.</summary>
internal sealed class MarkdownDocument
{
    private readonly StringBuilder _text = new();

    public MarkdownDocument Heading(int level, MarkdownCell title)
    {
        Separate();
        _text.Append('#', level).Append(' ').Append(title.Markdown).Append('\n');
        return this;
    }

    public MarkdownDocument Paragraph(params MarkdownCell[] parts)
    {
        Separate();
        foreach (var part in parts)
            _text.Append(part.Markdown);
        _text.Append('\n');
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
            _text.Append("- ").Append(item.Markdown).Append('\n');
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
                _text.Append('|');
                foreach (var header in headers)
                    _text.Append(' ').Append(header).Append(" |");
                _text.Append("\n|");
                foreach (var _ in headers)
                    _text.Append("---|");
                _text.Append('\n');
            }
            any = true;
            _text.Append('|');
            foreach (var cell in row)
                _text.Append(' ').Append(cell.Markdown).Append(" |");
            _text.Append('\n');
        }
        if (!any && empty is not null)
            Paragraph(MarkdownCell.Trusted("_" + empty + "_"));
        return this;
    }

    /// <summary>A fenced block of our own plain text (the layout bar); it never holds evidence text.</summary>
    public MarkdownDocument Code(IEnumerable<string> lines)
    {
        Separate();
        _text.Append("```text\n");
        foreach (var line in lines)
            _text.Append(line).Append('\n');
        _text.Append("```\n");
        return this;
    }

    public override string ToString() => _text.ToString();

    private void Separate()
    {
        if (_text.Length > 0)
            _text.Append('\n');
    }
}

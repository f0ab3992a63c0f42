using System.Text;
using Forensics.Reports.Escaping;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Forensics.Cli.Terminal;

/// <summary>
/// Writes a report to a Spectre.Console console: headings, lines and tables, in colour on a terminal and as plain
/// aligned text elsewhere. Every value passes through <see cref="UntrustedText.Terminal"/> and is never read as markup.
/// </summary>
internal sealed class TerminalDocument(IAnsiConsole console)
{
    /// <summary>
    /// The longest line written without Spectre: far below the plain console's width, so that Spectre would not have
    /// wrapped or shrunk it either.
    /// </summary>
    private const int PlainLineLimit = 2048;

    private readonly IAnsiConsole _console = console;

    /// <summary>
    /// Set when the console is the plain one of a redirected report: a block of printable ASCII is then written here
    /// directly, as Spectre would have laid it out (a third of <c>crash</c>'s time on a small core was Spectre's
    /// layout of plain text); any other block still goes through Spectre.
    /// </summary>
    private readonly TextWriter? _plain = (console as PlainConsole)?.Writer;

    private bool _started;

    public TerminalDocument Title(string title) =>
        WritePlain([title]) ? this : Write(new Text(UntrustedText.Terminal(title), new Style(decoration: Decoration.Bold | Decoration.Underline)));

    public TerminalDocument Heading(string heading) =>
        WritePlain([heading]) ? this : Write(new Text(UntrustedText.Terminal(heading), new Style(decoration: Decoration.Bold)));

    public TerminalDocument Line(string text) => WritePlain([text]) ? this : Write(new Text(UntrustedText.Terminal(text)));

    /// <summary>Lines that belong together (the facts of a summary), written without blank lines between them.</summary>
    public TerminalDocument Lines(IEnumerable<string> lines)
    {
        var all = lines as IReadOnlyList<string> ?? [.. lines];
        return all.Count > 0 && WritePlain(all) ? this : Write(new Rows(all.Select(l => new Text(UntrustedText.Terminal(l)))));
    }

    /// <summary>A word in <paramref name="color"/> (the crash verdict), then plain text.</summary>
    public TerminalDocument Emphasised(string word, Color color, string rest) =>
        IsPlain(word) && WritePlain([word + rest])
            ? this
            : Write(new Paragraph().Append(UntrustedText.Terminal(word), new Style(color, decoration: Decoration.Bold)).Append(UntrustedText.Terminal(rest)));

    /// <summary>A table; with no rows, <paramref name="empty"/> is written instead.</summary>
    public TerminalDocument Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, string empty)
    {
        var all = rows as IReadOnlyList<IReadOnlyList<string?>> ?? [.. rows];
        if (all.Count == 0)
            return WritePlain(["(" + empty + ")"]) ? this : Write(new Text("(" + empty + ")", new Style(Color.Grey)));
        if (WritePlainTable(headers, all))
            return this;
        // Borderless, two spaces between columns: aligned like ps or ls -l, on a terminal and in a file alike.
        var table = new Table().Border(TableBorder.None);
        for (var i = 0; i < headers.Count; i++)
        {
            table.AddColumn(new TableColumn(new Text(headers[i], new Style(decoration: Decoration.Bold | Decoration.Underline)))
                .Padding(0, 0, i < headers.Count - 1 ? 2 : 0, 0));
        }
        foreach (var row in all)
            table.AddRow(row.Select(cell => (IRenderable)new Text(UntrustedText.Terminal(cell))));
        return Write(table);
    }

    private TerminalDocument Write(IRenderable renderable)
    {
        if (_started)
            _console.WriteLine();
        _started = true;
        _console.Write(new Rows(renderable));
        return this;
    }

    /// <summary>The lines as Spectre writes a block of texts, when each is plain; false (nothing written) otherwise.</summary>
    private bool WritePlain(IReadOnlyList<string> lines)
    {
        if (_plain is null || !lines.All(IsPlain))
            return false;
        var text = StartBlock();
        foreach (var line in lines)
            text.Append(line).Append('\n');
        _plain.Write(text.ToString());
        return true;
    }

    /// <summary>
    /// The table as Spectre lays out a borderless one that fits the width: each column as wide as its widest cell,
    /// two spaces after every column but the last (the line ends are trimmed by the writer); false when a cell is not
    /// plain (empty cells are).
    /// </summary>
    private bool WritePlainTable(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        if (_plain is null || !headers.All(IsPlain) || rows.Any(r => r.Count != headers.Count || !r.All(c => string.IsNullOrEmpty(c) || IsPlain(c))))
            return false;
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < widths.Length; i++)
                widths[i] = Math.Max(widths[i], row[i]?.Length ?? 0);
        }
        if (widths.Sum() + 2 * widths.Length > PlainLineLimit)
            return false;
        var text = StartBlock();
        AppendRow(text, headers, widths);
        foreach (var row in rows)
            AppendRow(text, row, widths);
        _plain.Write(text.ToString());
        return true;
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string?> cells, int[] widths)
    {
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = cells[i] ?? "";
            text.Append(cell);
            if (i < widths.Length - 1)
                text.Append(' ', widths[i] - cell.Length + 2);
        }
        text.Append('\n');
    }

    private StringBuilder StartBlock()
    {
        var text = new StringBuilder();
        if (_started)
            text.Append('\n');
        _started = true;
        return text;
    }

    /// <summary>
    /// Printable ASCII that <see cref="UntrustedText.Terminal"/> leaves as it is, one cell per character, with no space
    /// at either end (which Spectre's word wrapping treats apart) and short enough never to be wrapped.
    /// </summary>
    private static bool IsPlain(string text) =>
        text.Length is > 0 and <= PlainLineLimit && text[0] != ' ' && text[^1] != ' ' && !text.AsSpan().ContainsAnyExceptInRange(' ', '~');
}

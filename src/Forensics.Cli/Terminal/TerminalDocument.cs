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
    private readonly IAnsiConsole _console = console;
    private bool _started;

    public TerminalDocument Title(string title) => Write(new Text(UntrustedText.Terminal(title), new Style(decoration: Decoration.Bold | Decoration.Underline)));

    public TerminalDocument Heading(string heading) => Write(new Text(UntrustedText.Terminal(heading), new Style(decoration: Decoration.Bold)));

    public TerminalDocument Line(string text) => Write(new Text(UntrustedText.Terminal(text)));

    /// <summary>Lines that belong together (the facts of a summary), written without blank lines between them.</summary>
    public TerminalDocument Lines(IEnumerable<string> lines) => Write(new Rows(lines.Select(l => new Text(UntrustedText.Terminal(l)))));

    /// <summary>A word in <paramref name="color"/> (the crash verdict), then plain text.</summary>
    public TerminalDocument Emphasised(string word, Color color, string rest) =>
        Write(new Paragraph().Append(UntrustedText.Terminal(word), new Style(color, decoration: Decoration.Bold)).Append(UntrustedText.Terminal(rest)));

    /// <summary>A table; with no rows, <paramref name="empty"/> is written instead.</summary>
    public TerminalDocument Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, string empty)
    {
        // Borderless, two spaces between columns: aligned like ps or ls -l, on a terminal and in a file alike.
        var table = new Table().Border(TableBorder.None);
        for (var i = 0; i < headers.Count; i++)
        {
            table.AddColumn(new TableColumn(new Text(headers[i], new Style(decoration: Decoration.Bold | Decoration.Underline)))
                .Padding(0, 0, i < headers.Count - 1 ? 2 : 0, 0));
        }
        foreach (var row in rows)
            table.AddRow(row.Select(cell => (IRenderable)new Text(UntrustedText.Terminal(cell))));
        return table.Rows.Count == 0 ? Write(new Text("(" + empty + ")", new Style(Color.Grey))) : Write(table);
    }

    private TerminalDocument Write(IRenderable renderable)
    {
        if (_started)
            _console.WriteLine();
        _started = true;
        _console.Write(new Rows(renderable));
        return this;
    }
}

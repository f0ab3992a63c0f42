using System.Globalization;
using Forensics.Importers.Text;
using Forensics.Model;

namespace Forensics.Importers.Detection;

/// <summary>Turns a text document into captures: one per section <see cref="DocumentSplitter"/> finds, parsed by its format.</summary>
public static class TextDocumentImporter
{
    /// <summary>
    /// Parses every capture in <paramref name="text"/>. Each capture gets its line range; a PID or command that a
    /// prompt or heading above it gives fills what the capture itself does not say, and a PID that disagrees with
    /// the capture's own is reported.
    /// </summary>
    public static IReadOnlyList<Capture> Import(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Import(text.AsMemory());
    }

    /// <summary>As <see cref="Import(string)"/>; the captures keep nothing of <paramref name="text"/>, which may be a rented buffer.</summary>
    public static IReadOnlyList<Capture> Import(ReadOnlyMemory<char> text)
    {
        var sections = DocumentSplitter.Split(text);
        var captures = new List<Capture>(sections.Count);
        foreach (var section in sections)
        {
            var capture = TextCaptureParsers.Parse(section.Format, section.Text.Span, section.FirstLine);
            capture.LineRange = (section.FirstLine, section.LastLine);
            if (section.Hint is { } hint)
                ApplyHint(capture, hint);
            captures.Add(capture);
        }
        return captures;
    }

    private static void ApplyHint(Capture capture, CommandHint hint)
    {
        if (hint.Pid is { } pid)
        {
            if (capture.Pid is null)
                capture.Pid = pid;
            else if (capture.Pid != pid)
                capture.Diagnostics.Warning(
                    DiagnosticCatalogue.PidDisagreement, SourceLocation.AtLine(hint.Line),
                    string.Create(CultureInfo.InvariantCulture, $"the line above the capture names PID [{pid}], the capture itself PID [{capture.Pid}]"));
        }
        capture.CommandLine ??= hint.CommandLine;
        capture.ProcessName ??= hint.ProcessName;
    }
}

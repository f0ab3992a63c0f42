using System.Globalization;
using System.Text;
using Forensics.Importers.Budget;
using Forensics.Importers.Containers.Systemd;
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
    public static IReadOnlyList<CaptureBuilder> Import(string text, ReadBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ImportUtf8(Utf8Text.Encode(text), budget);
    }

    /// <summary>
    /// As <see cref="Import(string, ReadBudget)"/>, for UTF-8 text as a file holds it (never decoded whole); the captures
    /// keep nothing of <paramref name="text"/>, which may be a rented buffer. Splitting and parsing pass the checkpoints
    /// of <paramref name="budget"/> (none: <see cref="ReadBudget.Unlimited"/>).
    /// </summary>
    public static IReadOnlyList<CaptureBuilder> ImportUtf8(ReadOnlyMemory<byte> text, ReadBudget? budget = null)
    {
        budget ??= ReadBudget.Unlimited;
        var sections = DocumentSplitter.SplitUtf8(text, budget);
        var captures = new List<CaptureBuilder>(sections.Count);
        // coredumpctl's records hold no mappings, so the splitter passes over them; they are found apart.
        if (text.Span.IndexOf("PID: "u8) >= 0)
            captures.AddRange(CoredumpctlInfoParser.Parse(Encoding.UTF8.GetString(text.Span), budget));
        foreach (var section in sections)
        {
            var capture = TextCaptureParsers.ParseUtf8(section.Format, section.Text.Span, section.FirstLine, budget);
            capture.LineRange = (section.FirstLine, section.LastLine);
            if (section.Hint is { } hint)
                ApplyHint(capture, hint);
            captures.Add(capture);
        }
        captures.Sort((a, b) => (a.LineRange?.First ?? 0).CompareTo(b.LineRange?.First ?? 0));
        return captures;
    }

    private static void ApplyHint(CaptureBuilder capture, CommandHint hint)
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

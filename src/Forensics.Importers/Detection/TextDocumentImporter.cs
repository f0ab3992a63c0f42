using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
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
    /// of <paramref name="budget"/> (none: <see cref="ReadBudget.Unlimited"/>). <paramref name="passed"/>, when given,
    /// is told as the parsing goes on ranges of <paramref name="text"/> (start, end) whose bytes are not read again, each
    /// range's end rising (the caller may give those pages back; a large maps is parsed in pieces, a range each); it is
    /// told only when the sections are slices of <paramref name="text"/> in their order, as a plain capture's always are.
    /// </summary>
    public static IReadOnlyList<CaptureBuilder> ImportUtf8(ReadOnlyMemory<byte> text, ReadBudget? budget = null, Action<int, int>? passed = null)
    {
        budget ??= ReadBudget.Unlimited;
        var sections = DocumentSplitter.SplitUtf8(text, budget);
        var captures = new List<CaptureBuilder>(sections.Count);
        // coredumpctl's records hold no mappings, so the splitter passes over them; they are found apart.
        if (text.Span.IndexOf("PID: "u8) >= 0)
            captures.AddRange(CoredumpctlInfoParser.Parse(Encoding.UTF8.GetString(text.Span), budget));
        var offsets = passed is null ? null : OffsetsInOrder(text, sections);
        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i];
            var start = offsets?[i] ?? 0;
            var capture = TextCaptureParsers.ParseUtf8(section.Format, section.Text, section.FirstLine, budget,
                offsets is null ? null : (from, to) => passed!(start + from, start + to));
            capture.LineRange = (section.FirstLine, section.LastLine);
            if (section.Hint is { } hint)
                ApplyHint(capture, hint);
            captures.Add(capture);
        }
        captures.Sort((a, b) => (a.LineRange?.First ?? 0).CompareTo(b.LineRange?.First ?? 0));
        return captures;
    }

    /// <summary>
    /// Where each section starts in <paramref name="text"/>; null unless each is a slice of it starting at or after the
    /// end of the one before, so that what one section has read is never part of a later one.
    /// </summary>
    private static int[]? OffsetsInOrder(ReadOnlyMemory<byte> text, IReadOnlyList<DocumentSection> sections)
    {
        if (!MemoryMarshal.TryGetMemoryManager(text, out MemoryManager<byte>? manager, out var textStart, out _))
            return null;
        var offsets = new int[sections.Count];
        var end = 0;
        for (var i = 0; i < sections.Count; i++)
        {
            if (!MemoryMarshal.TryGetMemoryManager(sections[i].Text, out MemoryManager<byte>? own, out var start, out var length)
                || own != manager || start - textStart < end)
                return null;
            offsets[i] = start - textStart;
            end = offsets[i] + length;
        }
        return offsets;
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

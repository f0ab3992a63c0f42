using Forensics.Importers.Budget;
using Forensics.Importers.Text.Gdb;
using Forensics.Importers.Text.Maps;
using Forensics.Importers.Text.Pmap;
using Forensics.Importers.Text.Smaps;
using Forensics.Model;

namespace Forensics.Importers.Text;

/// <summary>Entry points of the text-capture parsers: maps, smaps, smaps_rollup, pmap (every layout), gdb.</summary>
public static class TextCaptureParsers
{
    /// <summary>How many unrecognised lines (prompts, gdb chatter) <see cref="Detect"/> skips before it gives up.</summary>
    private const int DetectionLineLimit = 64;

    /// <summary>
    /// Parses one isolated capture. <paramref name="text"/> holds only that capture's lines; <paramref name="firstLine"/>
    /// is the 1-based line number of its first line within the input file, so diagnostics and
    /// <see cref="Region.Location"/> are file lines. Bad input gives diagnostics, never an exception; a spent
    /// <paramref name="budget"/> (none: <see cref="ReadBudget.Unlimited"/>) throws its <see cref="ReadBudgetExceededException"/>.
    /// </summary>
    public static CaptureBuilder Parse(CaptureFormat format, ReadOnlySpan<char> text, int firstLine = 1, ReadBudget? budget = null) =>
        ParseUtf8(format, Utf8Text.Encode(text), firstLine, budget);

    /// <summary>
    /// As <see cref="Parse"/>, for UTF-8 text as read from a file (never decoded whole). The maps parser tells
    /// <paramref name="readUpTo"/>, when given, now and then the offset in <paramref name="text"/> below which it reads no byte again.
    /// </summary>
    public static CaptureBuilder ParseUtf8(CaptureFormat format, ReadOnlySpan<byte> text, int firstLine = 1, ReadBudget? budget = null,
        Action<int>? readUpTo = null)
    {
        if (firstLine < 1)
            throw new ArgumentOutOfRangeException(nameof(firstLine), firstLine, "Line numbers start at 1.");
        budget ??= ReadBudget.Unlimited;
        return format switch
        {
            CaptureFormat.Maps => MapsParser.Parse(text, firstLine, budget, readUpTo),
            CaptureFormat.Smaps or CaptureFormat.SmapsRollup => SmapsParser.Parse(text, firstLine, format, budget),
            CaptureFormat.Pmap or CaptureFormat.PmapExtended => PmapParser.Parse(text, firstLine, budget),
            CaptureFormat.Gdb => GdbParser.Parse(text, firstLine, budget),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a text capture format."),
        };
    }

    /// <summary>
    /// As <see cref="ParseUtf8(CaptureFormat, ReadOnlySpan{byte}, int, ReadBudget, Action{int})"/>; a large maps is parsed
    /// in pieces on every core. <paramref name="passed"/>, when given, is told now and then a range of
    /// <paramref name="text"/> (start, end) whose bytes are not read again.
    /// </summary>
    public static CaptureBuilder ParseUtf8(CaptureFormat format, ReadOnlyMemory<byte> text, int firstLine, ReadBudget? budget,
        Action<int, int>? passed)
    {
        if (format != CaptureFormat.Maps || firstLine < 1)
            return ParseUtf8(format, text.Span, firstLine, budget, passed is null ? null : offset => passed(0, offset));
        return MapsParser.Parse(text, firstLine, budget ?? ReadBudget.Unlimited, passed);
    }

    /// <summary>
    /// Detects the format of an isolated capture from its first significant lines (docs/formats.md#recognising-a-capture), skipping
    /// blank lines, shell and gdb prompts and gdb chatter; null when nothing recognisable comes first.
    /// </summary>
    public static CaptureFormat? Detect(ReadOnlySpan<char> text, ReadBudget? budget = null) =>
        DetectUtf8(Utf8Text.Encode(text), budget);

    /// <summary>As <see cref="Detect"/>, for UTF-8 text.</summary>
    public static CaptureFormat? DetectUtf8(ReadOnlySpan<byte> text, ReadBudget? budget = null)
    {
        var lines = new TextLines(text, 1, budget ?? ReadBudget.Unlimited);
        var skipped = 0;
        while (lines.MoveNext(out var line, out _))
        {
            var shape = TextLineClassifier.Classify(line);
            switch (shape)
            {
                case TextLineShape.Blank:
                    continue;
                case TextLineShape.MapsLine:
                    return DetectSmaps(line, ref lines);
                case TextLineShape.PmapProcpsHeader or TextLineShape.PmapBusyboxHeader:
                    return DetectPmapLayout(ref lines);
                case TextLineShape.PmapColumnHeader:
                    return CaptureFormat.PmapExtended;
                case TextLineShape.PmapRow:
                    return IsDefaultPmapRow(line) ? CaptureFormat.Pmap : CaptureFormat.PmapExtended;
                case TextLineShape.GdbProcess or TextLineShape.GdbMappedAddressSpaces
                    or TextLineShape.GdbColumnHeader or TextLineShape.GdbRow:
                    return CaptureFormat.Gdb;
                default:
                    if (++skipped > DetectionLineLimit)
                        return null;
                    continue;
            }
        }
        return null;
    }

    private static CaptureFormat DetectSmaps(ReadOnlySpan<char> header, ref TextLines lines)
    {
        while (lines.MoveNext(out var next, out _))
        {
            var shape = TextLineClassifier.Classify(next);
            if (shape == TextLineShape.Blank)
                continue;
            if (shape != TextLineShape.SmapsKey)
                return CaptureFormat.Maps;
            return TextSpan.TrimBlanks(header).EndsWith("[rollup]", StringComparison.Ordinal)
                ? CaptureFormat.SmapsRollup
                : CaptureFormat.Smaps;
        }
        return CaptureFormat.Maps;
    }

    private static CaptureFormat DetectPmapLayout(ref TextLines lines)
    {
        while (lines.MoveNext(out var next, out _))
        {
            switch (TextLineClassifier.Classify(next))
            {
                case TextLineShape.Blank:
                    continue;
                case TextLineShape.PmapColumnHeader:
                    return CaptureFormat.PmapExtended;
                case TextLineShape.PmapRow:
                    return IsDefaultPmapRow(next) ? CaptureFormat.Pmap : CaptureFormat.PmapExtended;
                default:
                    return CaptureFormat.Pmap;
            }
        }
        return CaptureFormat.Pmap;
    }

    /// <summary>The default layout prints the size with a <c>K</c> suffix; -x/-d (also with -q) print bare numbers.</summary>
    private static bool IsDefaultPmapRow(ReadOnlySpan<char> line)
    {
        var rest = line;
        TextSpan.NextToken(ref rest);
        var size = TextSpan.NextToken(ref rest);
        return size.Length > 1 && size[^1] == 'K';
    }
}

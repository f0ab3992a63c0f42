using System.Text;
using Forensics.Importers.Budget;
using Forensics.Importers.Text;
using Forensics.Importers.Text.Maps;
using Forensics.Model;

namespace Forensics.Importers.Detection;

/// <summary>
/// Finds the captures in a text document: a plain capture file, or a ticket, log, wiki or reStructuredText page
/// with outputs pasted between prose, shell and gdb prompts, code-block markers and header rows a writer added.
/// Each block of lines that the line classifier recognises as maps/smaps, pmap or a gdb listing becomes one
/// <see cref="DocumentSection"/> with its line range. A line that breaks a block but is directly followed by
/// more of it (a corrupted line) or looks like a cut data line stays inside, so the parser reports it by line;
/// so does a mapping row of another format. A mark where whoever pasted the listing cut rows out (<c>...</c>,
/// <c>&lt;snip&gt;</c>) keeps the listing one capture, and the parser reports the cut.
/// </summary>
public static class DocumentSplitter
{
    /// <summary>How many unrecognised lines in a row may sit inside a block (and be reported by the parser).</summary>
    private const int MaxDamagedRun = 3;
    /// <summary>How far below <c>process N</c> gdb's <c>Mapped address spaces:</c> may come (<c>info proc all</c>).</summary>
    private const int GdbPreambleLines = 12;
    /// <summary>How many non-blank lines above a block are searched for a prompt or heading naming the process.</summary>
    private const int HintSearchLines = 6;

    private enum Family { Maps, Pmap, Gdb }

    public static IReadOnlyList<DocumentSection> Split(string text, ReadBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SplitUtf8(Utf8Text.Encode(text), budget);
    }

    /// <summary>
    /// The sections of the UTF-8 <paramref name="text"/>; their text may be slices of it, so it must outlive them. The
    /// lines are counted under <paramref name="budget"/> (none: <see cref="ReadBudget.Unlimited"/>).
    /// </summary>
    public static IReadOnlyList<DocumentSection> SplitUtf8(ReadOnlyMemory<byte> text, ReadBudget? budget = null)
    {
        budget ??= ReadBudget.Unlimited;
        if (PlainMaps(text, budget) is { } plain)
        {
            var whole = text[..plain.End];
            return [new DocumentSection(TextCaptureParsers.DetectUtf8(whole.Span, budget) ?? CaptureFormat.Maps, 1, plain.Lines, whole, null)];
        }
        var lines = new LineTable(text, budget);
        var sections = new List<DocumentSection>();
        var previousEnd = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!TryScanBlock(lines, i, previousEnd, out var family, out var first, out var last))
                continue;
            sections.Add(MakeSection(lines, family, first, last, FindHint(lines, previousEnd, first), budget));
            previousEnd = last;
            i = last;
        }
        return sections;
    }

    /// <summary>
    /// When every line of <paramref name="text"/> is a maps line starting at its first column, up to blank lines at its
    /// end (a plain maps file, as nearly every large text is): how many lines the capture has and where its last ends.
    /// That is the one section the line table would give, found without building it (a large text's
    /// <see cref="TextPieces"/> at once); null for any other text.
    /// </summary>
    private static (int Lines, int End)? PlainMaps(ReadOnlyMemory<byte> text, ReadBudget budget)
    {
        var pieces = TextPieces.Cut(text.Span, 1, TextPieces.CountFor(text.Length));
        var scanned = TextPieces.Run(text, pieces, budget, ScanPlainMaps);
        (int Lines, int End)? capture = null;
        var blankSeen = false;
        for (var i = 0; i < scanned.Length; i++)
        {
            if (scanned[i] is not { } piece || (i == 0 && piece.FirstMaps != 1) || (blankSeen && piece.LastMaps > 0))
                return null;
            if (piece.LastMaps > 0)
                capture = (pieces[i].FirstLine - 1 + piece.LastMaps, pieces[i].Start + piece.End);
            blankSeen |= piece.FirstBlank > 0;
        }
        return capture;
    }

    /// <summary>
    /// The lines of a piece (1-based within it) of its first and last maps line and its first blank line (0 for none), and
    /// where its last maps line ends; null when a line is neither, or a maps line follows a blank one.
    /// </summary>
    private static (int FirstMaps, int LastMaps, int FirstBlank, int End)? ScanPlainMaps(ReadOnlySpan<byte> text, TextPieces.Piece piece, ReadBudget budget)
    {
        var (count, firstMaps, lastMaps, firstBlank, end) = (0, 0, 0, 0, 0);
        var position = 0;
        while (position < text.Length)
        {
            if (count % ReadBudget.LinesPerCheck == 0)
                budget.CheckAtLine(piece.FirstLine + count);
            var newline = text[position..].IndexOf((byte)'\n');
            var lineEnd = newline < 0 ? text.Length : position + newline;
            var line = text[position..lineEnd];
            if (!line.IsEmpty && line[^1] == '\r')
                line = line[..^1];
            count++;
            if (!line.IsEmpty && line[0] is not ((byte)' ' or (byte)'\t'))
            {
                if (firstBlank > 0 || !MapsLineParser.LooksLikeMapsLine(line))
                    return null;
                if (firstMaps == 0)
                    firstMaps = count;
                (lastMaps, end) = (count, position + line.Length);
            }
            else if (line.IndexOfAnyExcept(" \t"u8) >= 0)
                return null;
            else if (firstBlank == 0)
                firstBlank = count;
            position = lineEnd + 1;
        }
        return (firstMaps, lastMaps, firstBlank, end);
    }

    private static bool TryScanBlock(LineTable lines, int start, int previousEnd, out Family family, out int first, out int last)
    {
        first = start;
        last = -1;
        family = default;
        switch (lines.Shape(start))
        {
            case TextLineShape.MapsLine:
                family = Family.Maps;
                last = ScanRows(lines, start, family);
                break;
            case TextLineShape.PmapProcpsHeader or TextLineShape.PmapBusyboxHeader or TextLineShape.PmapColumnHeader:
                family = Family.Pmap;
                var rowsFrom = start + 1;
                while (rowsFrom < lines.Count && lines.Shape(rowsFrom) is TextLineShape.PmapColumnHeader or TextLineShape.Elision)
                    rowsFrom++;
                if (rowsFrom < lines.Count && lines.Shape(rowsFrom) == TextLineShape.PmapRow)
                    last = ScanRows(lines, rowsFrom, family);
                break;
            case TextLineShape.PmapRow:
                family = Family.Pmap;
                last = ScanRows(lines, start, family);
                break;
            case TextLineShape.GdbProcess or TextLineShape.GdbMappedAddressSpaces or TextLineShape.GdbColumnHeader or TextLineShape.GdbRow:
                family = Family.Gdb;
                var firstRow = FindGdbFirstRow(lines, start);
                if (firstRow >= 0)
                {
                    last = ScanRows(lines, firstRow, family);
                    first = lines.Shape(start) == TextLineShape.GdbProcess ? IncludeGdbChatter(lines, start, previousEnd) : start;
                }
                break;
        }
        // Rows cut out right above the first row belong to the listing.
        if (last >= 0 && first - 1 > previousEnd && lines.Shape(first - 1) == TextLineShape.Elision)
            first--;
        return last >= 0;
    }

    /// <summary>Scans data rows from <paramref name="row"/> (a data row) and returns the last line of the block.</summary>
    private static int ScanRows(LineTable lines, int row, Family family)
    {
        var last = row;
        var lastStart = lines.StartAddress(row, family);
        var inFooter = false;
        var j = row + 1;
        while (j < lines.Count)
        {
            var shape = lines.Shape(j);
            if (!inFooter && IsRow(shape, family))
            {
                lastStart = lines.StartAddress(j, family) ?? lastStart;
                last = j++;
                continue;
            }
            if (family == Family.Pmap && shape == TextLineShape.PmapFooter)
            {
                inFooter = true;
                last = j++;
                continue;
            }
            if (inFooter)
                break;
            if (family == Family.Gdb && shape == TextLineShape.GdbColumnHeader)
            {
                last = j++; // gdb repeats the header in some captures; the parser skips it
                continue;
            }
            if (shape == TextLineShape.Elision)
            {
                var afterCut = lines.NextNonBlank(j + 1);
                if (afterCut >= 0 && (IsRow(lines.Shape(afterCut), family)
                    || (family == Family.Pmap && lines.Shape(afterCut) == TextLineShape.PmapFooter)))
                {
                    j = afterCut;
                    continue;
                }
                if (j == last + 1)
                    last = j; // rows cut out at the end
                break;
            }
            if (shape == TextLineShape.Blank)
            {
                // A blank line inside a table (seen in a pasted gdb listing) continues it when rows go on upwards.
                var next = lines.NextNonBlank(j);
                if (next >= 0 && ((IsDataRow(lines.Shape(next), family) && Ascends(lines, next, family, lastStart))
                    || lines.Shape(next) == TextLineShape.Elision))
                {
                    j = next;
                    continue;
                }
                break;
            }
            if (family == Family.Gdb && lines.Trimmed(j).StartsWith("[Inferior ", StringComparison.Ordinal))
                return j; // gdb's "[Inferior 1 (process N) detached]" closes a live listing
            var run = DamagedRun(lines, j, family);
            if (run > 0 && j + run < lines.Count && IsRow(lines.Shape(j + run), family)
                && (!IsDataRow(lines.Shape(j + run), family) || Ascends(lines, j + run, family, lastStart)))
            {
                j += run; // corrupted lines inside a block: the parser reports them
                continue;
            }
            if (run > 0 && shape == TextLineShape.Other && LooksLikeCutRow(lines.Trimmed(j), family))
            {
                last = j++;
                continue;
            }
            break;
        }
        return last;
    }

    /// <summary>
    /// Rows of one listing go up in address; a row below the previous one after a gap starts another paste
    /// (two outputs with only a blank or a prose line between them).
    /// </summary>
    private static bool Ascends(LineTable lines, int row, Family family, ulong? lastStart) =>
        lines.StartAddress(row, family) is { } start && lastStart is { } previous && start >= previous;

    private static bool IsRow(TextLineShape shape, Family family) => family switch
    {
        Family.Maps => shape is TextLineShape.MapsLine or TextLineShape.SmapsKey or TextLineShape.SmapsVmFlags,
        Family.Pmap => shape == TextLineShape.PmapRow,
        _ => shape == TextLineShape.GdbRow,
    };

    private static bool IsDataRow(TextLineShape shape, Family family) =>
        shape == (family switch { Family.Maps => TextLineShape.MapsLine, Family.Pmap => TextLineShape.PmapRow, _ => TextLineShape.GdbRow });

    /// <summary>
    /// Consecutive lines (at most <see cref="MaxDamagedRun"/>) that are neither blank, nor a prompt or code-block
    /// marker, nor a recognised shape other than a mapping row of another format.
    /// </summary>
    private static int DamagedRun(LineTable lines, int from, Family family)
    {
        var run = 0;
        while (run < MaxDamagedRun && from + run < lines.Count && IsDamaged(lines, from + run, family))
            run++;
        return run;
    }

    private static bool IsDamaged(LineTable lines, int index, Family family) => lines.Shape(index) switch
    {
        TextLineShape.Other => !IsBoundary(lines.Trimmed(index)),
        TextLineShape.MapsLine or TextLineShape.PmapRow or TextLineShape.GdbRow => !IsDataRow(lines.Shape(index), family),
        _ => false,
    };

    /// <summary>A row cut short (a truncated file, a damaged paste): it starts like a data row of the block.</summary>
    private static bool LooksLikeCutRow(ReadOnlySpan<char> trimmed, Family family) => family == Family.Gdb
        ? trimmed.StartsWith("0x", StringComparison.Ordinal)
        : !trimmed[..Math.Min(4, trimmed.Length)].ContainsAnyExcept(HexDigits) && !trimmed.IsEmpty;

    private static readonly System.Buffers.SearchValues<char> HexDigits =
        System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private static readonly System.Buffers.SearchValues<byte> HexDigitBytes =
        System.Buffers.SearchValues.Create("0123456789abcdefABCDEF"u8);

    /// <summary>Lines that separate pasted outputs: prompts, code-block markers, markdown headings.</summary>
    private static bool IsBoundary(ReadOnlySpan<char> trimmed) =>
        CommandHint.IsPrompt(trimmed)
        || trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)
        || trimmed.StartsWith("..", StringComparison.Ordinal) || trimmed.EndsWith("::", StringComparison.Ordinal)
        || trimmed.StartsWith("<pre", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("</pre", StringComparison.OrdinalIgnoreCase)
        || trimmed.StartsWith("{code", StringComparison.Ordinal) || trimmed.StartsWith("{noformat", StringComparison.Ordinal)
        || trimmed.StartsWith('#');

    /// <summary>The first gdb row of a listing that starts at <paramref name="start"/>, or -1 when none follows.</summary>
    private static int FindGdbFirstRow(LineTable lines, int start)
    {
        var sawMapped = lines.Shape(start) != TextLineShape.GdbProcess;
        for (var j = start; j < lines.Count && j <= start + GdbPreambleLines; j++)
        {
            switch (lines.Shape(j))
            {
                case TextLineShape.GdbRow:
                    return sawMapped ? j : -1;
                case TextLineShape.GdbMappedAddressSpaces:
                    sawMapped = true;
                    break;
                case TextLineShape.GdbProcess when j == start:
                case TextLineShape.GdbColumnHeader:
                case TextLineShape.Blank:
                case TextLineShape.Elision when sawMapped:
                    break;
                case TextLineShape.Other when !sawMapped && !IsBoundary(lines.Trimmed(j)):
                    break; // info proc all: cmdline = '...', cwd = '...', exe = '...'
                default:
                    return -1;
            }
        }
        return -1;
    }

    /// <summary>gdb's attach messages directly above <c>process N</c> belong to the same output (the parser skips them).</summary>
    private static int IncludeGdbChatter(LineTable lines, int processLine, int previousEnd)
    {
        var first = processLine;
        while (first - 1 > previousEnd && IsGdbChatter(lines.Trimmed(first - 1)))
            first--;
        return first;
    }

    private static bool IsGdbChatter(ReadOnlySpan<char> trimmed) =>
        trimmed.StartsWith("[New ", StringComparison.Ordinal)
        || trimmed.StartsWith("[Thread debugging using", StringComparison.Ordinal)
        || trimmed.StartsWith("Using host libthread_db", StringComparison.Ordinal)
        || trimmed.StartsWith("Reading symbols from", StringComparison.Ordinal)
        || trimmed.StartsWith("Attaching to ", StringComparison.Ordinal)
        || (trimmed.StartsWith("0x", StringComparison.Ordinal) && trimmed.Contains(" in ", StringComparison.Ordinal));

    private static CommandHint? FindHint(LineTable lines, int previousEnd, int first)
    {
        var looked = 0;
        for (var j = first - 1; j > previousEnd && looked < HintSearchLines; j--)
        {
            var trimmed = lines.Trimmed(j);
            if (trimmed.IsEmpty)
                continue;
            looked++;
            if (CommandHint.FromLine(trimmed, j + 1) is { } hint)
                return hint;
        }
        return null;
    }

    private static DocumentSection MakeSection(LineTable lines, Family family, int first, int last, CommandHint? hint, ReadBudget budget)
    {
        var text = lines.SectionText(first, last);
        var format = TextCaptureParsers.DetectUtf8(text.Span, budget) ?? family switch
        {
            Family.Maps => CaptureFormat.Maps,
            Family.Pmap => CaptureFormat.PmapExtended,
            _ => CaptureFormat.Gdb,
        };
        return new DocumentSection(format, first + 1, last + 1, text, hint);
    }

    /// <summary>
    /// The lines of a document with their shapes. A line that only the removal of its indentation makes
    /// recognisable (a capture pasted as an indented markdown or reStructuredText block) is classified without it,
    /// and its section later loses the common indentation of its lines. The text stays UTF-8: each line is decoded
    /// into one scratch buffer to be classified, and again only where a rare rule reads it as characters.
    /// </summary>
    private sealed class LineTable
    {
        private readonly ReadOnlyMemory<byte> _text;
        private readonly List<int> _starts;
        private readonly List<int> _lengths;
        private readonly List<TextLineShape> _shapes;
        private readonly List<bool> _indentedShape;
        private char[] _scratch = new char[256];

        public LineTable(ReadOnlyMemory<byte> memory, ReadBudget budget)
        {
            _text = memory;
            var text = memory.Span;
            var lineCount = text.Count((byte)'\n') + 1;
            (_starts, _lengths, _shapes, _indentedShape) = (new(lineCount), new(lineCount), new(lineCount), new(lineCount));
            var position = 0;
            while (position < text.Length)
            {
                if (_starts.Count % ReadBudget.LinesPerCheck == 0)
                    budget.CheckAtLine(_starts.Count + 1);
                var newline = text[position..].IndexOf((byte)'\n');
                var end = newline < 0 ? text.Length : position + newline;
                var length = end - position;
                if (length > 0 && text[end - 1] == '\r')
                    length--;
                Add(position, length);
                position = end + 1;
            }
        }

        public int Count => _starts.Count;

        public TextLineShape Shape(int index) => _shapes[index];

        private ReadOnlySpan<byte> Line(int index) => _text.Span.Slice(_starts[index], _lengths[index]);

        public ReadOnlySpan<char> Trimmed(int index) => Encoding.UTF8.GetString(Line(index)).AsSpan().Trim();

        public int NextNonBlank(int from)
        {
            for (var j = from; j < Count; j++)
            {
                if (_shapes[j] != TextLineShape.Blank)
                    return j;
            }
            return -1;
        }

        /// <summary>The start address of a data row, used to tell a blank line inside a table from the gap between two pastes.</summary>
        public ulong? StartAddress(int index, Family family)
        {
            var line = Line(index);
            var start = 0;
            while (start < line.Length && line[start] < 0x80 && char.IsWhiteSpace((char)line[start]))
                start++;
            // What follows leading blanks is ASCII on every data row; anything else is trimmed as characters.
            if (start < line.Length && line[start] >= 0x80)
                return StartAddress(Trimmed(index), family);
            var trimmed = line[start..];
            if (family == Family.Gdb && trimmed.StartsWith("0x"u8))
                trimmed = trimmed[2..];
            var end = trimmed.IndexOfAnyExcept(HexDigitBytes);
            var digits = end < 0 ? trimmed : trimmed[..end];
            if (digits.Length is 0 or > 16)
                return null;
            ulong value = 0;
            foreach (var digit in digits)
                value = (value << 4) | (uint)HexValue(digit);
            return value;
        }

        private static ulong? StartAddress(ReadOnlySpan<char> trimmed, Family family)
        {
            if (family == Family.Gdb && trimmed.StartsWith("0x", StringComparison.Ordinal))
                trimmed = trimmed[2..];
            var end = trimmed.IndexOfAnyExcept(HexDigits);
            var digits = end < 0 ? trimmed : trimmed[..end];
            return digits.Length is > 0 and <= 16
                && ulong.TryParse(digits, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : null;
        }

        private static int HexValue(byte digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;

        public ReadOnlyMemory<byte> SectionText(int first, int last)
        {
            var dedent = int.MaxValue;
            var needsDedent = false;
            for (var j = first; j <= last; j++)
            {
                needsDedent |= _indentedShape[j];
                if (_shapes[j] != TextLineShape.Blank)
                    dedent = Math.Min(dedent, Indentation(Line(j)));
            }
            var start = _starts[first];
            var end = _starts[last] + _lengths[last];
            if (!needsDedent || dedent is 0 or int.MaxValue)
                return _text.Slice(start, end - start);
            var dedented = new List<byte>(end - start);
            for (var j = first; j <= last; j++)
            {
                var line = Line(j);
                dedented.AddRange(line[Math.Min(dedent, Indentation(line))..]);
                dedented.Add((byte)'\n');
            }
            return dedented.ToArray();
        }

        private void Add(int start, int length)
        {
            _starts.Add(start);
            _lengths.Add(length);
            var bytes = _text.Span.Slice(start, length);
            // What Classify says first of a line that starts with no blank, read from the bytes: most lines of a
            // large capture are such maps lines, which need no decoding.
            if (!bytes.IsEmpty && bytes[0] is not ((byte)' ' or (byte)'\t') && MapsLineParser.LooksLikeMapsLine(bytes))
            {
                _shapes.Add(TextLineShape.MapsLine);
                _indentedShape.Add(false);
                return;
            }
            var line = Decode(bytes);
            var shape = TextLineClassifier.Classify(line);
            var indentation = Indentation(line);
            var indented = false;
            if (shape is TextLineShape.Other or TextLineShape.PmapRow && indentation > 0)
            {
                // MapsLine, SmapsKey and the pmap header are only recognised at the start of a line.
                var dedented = TextLineClassifier.Classify(line[indentation..]);
                if (dedented is TextLineShape.MapsLine or TextLineShape.SmapsKey or TextLineShape.SmapsVmFlags
                    or TextLineShape.PmapProcpsHeader or TextLineShape.PmapBusyboxHeader)
                {
                    shape = dedented;
                    indented = true;
                }
            }
            _shapes.Add(shape);
            _indentedShape.Add(indented);
        }

        /// <summary>The line's characters in the scratch buffer, valid until the next line is decoded.</summary>
        private ReadOnlySpan<char> Decode(ReadOnlySpan<byte> line) => Utf8Text.Decode(line, ref _scratch);

        private static int Indentation(ReadOnlySpan<char> line)
        {
            var count = 0;
            while (count < line.Length && line[count] is ' ' or '\t')
                count++;
            return count;
        }

        private static int Indentation(ReadOnlySpan<byte> line)
        {
            var count = 0;
            while (count < line.Length && line[count] is (byte)' ' or (byte)'\t')
                count++;
            return count;
        }
    }
}

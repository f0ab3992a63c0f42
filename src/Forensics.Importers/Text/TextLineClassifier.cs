using Forensics.Importers.Text.Maps;

namespace Forensics.Importers.Text;

/// <summary>
/// Tells what one line looks like, so captures can be found between prose, prompts and code-block markers.
/// Cheap, allocation-free and never throws.
/// </summary>
public static class TextLineClassifier
{
    /// <summary>Classifies one line (without its newline).</summary>
    public static TextLineShape Classify(ReadOnlySpan<char> line)
    {
        if (!line.IsEmpty && line[^1] == '\r')
            line = line[..^1];
        var trimmed = TextSpan.TrimBlanksStart(line);
        if (trimmed.IsEmpty)
            return TextLineShape.Blank;
        if (trimmed.Length == line.Length && MapsLineParser.LooksLikeMapsLine(line))
            return TextLineShape.MapsLine;

        var first = trimmed[0];
        if (char.IsAsciiLetter(first))
            return ClassifyWord(line, trimmed);
        if (char.IsAsciiDigit(first))
        {
            var shape = ClassifyNumbered(line, trimmed);
            if (shape != TextLineShape.Other)
                return shape;
        }
        if (first == '-' && IsRule(trimmed, '-'))
            return TextLineShape.PmapFooter;
        if (first == '=' && IsRule(trimmed, '='))
            return TextLineShape.PmapFooter;
        return IsElision(TextSpan.TrimBlanks(trimmed)) ? TextLineShape.Elision : TextLineShape.Other;
    }

    private static TextLineShape ClassifyWord(ReadOnlySpan<char> line, ReadOnlySpan<char> trimmed)
    {
        if (trimmed.StartsWith("VmFlags:", StringComparison.Ordinal))
            return TextLineShape.SmapsVmFlags;
        if (trimmed.StartsWith("Mapped address spaces:", StringComparison.Ordinal))
            return TextLineShape.GdbMappedAddressSpaces;
        if (trimmed.StartsWith("Start Addr", StringComparison.Ordinal) && trimmed.Contains("End Addr", StringComparison.Ordinal))
            return TextLineShape.GdbColumnHeader;
        if (trimmed.StartsWith("Address", StringComparison.Ordinal)
            && (trimmed.Contains("Kbytes", StringComparison.Ordinal)
                || (trimmed.Contains(" Perm ", StringComparison.Ordinal) && trimmed.Contains(" Device ", StringComparison.Ordinal))))
            return TextLineShape.PmapColumnHeader;
        if (trimmed.StartsWith("process ", StringComparison.Ordinal) && IsDigits(ProcessNumber(trimmed)))
            return TextLineShape.GdbProcess;
        if (trimmed.StartsWith("total", StringComparison.Ordinal) && LooksLikeTotal(trimmed[5..]))
            return TextLineShape.PmapFooter;
        if (trimmed.StartsWith("mapped:", StringComparison.Ordinal))
            return TextLineShape.PmapFooter;
        if (trimmed.Length == line.Length && IsSmapsKey(trimmed))
            return TextLineShape.SmapsKey;
        // pmap -X rows of small addresses are right-aligned hex that may start with a letter (a0000).
        if (LooksLikePmapRow(trimmed))
            return TextLineShape.PmapRow;
        return IsElision(TextSpan.TrimBlanks(trimmed)) ? TextLineShape.Elision : TextLineShape.Other;
    }

    private static TextLineShape ClassifyNumbered(ReadOnlySpan<char> line, ReadOnlySpan<char> trimmed)
    {
        if (trimmed.Length == line.Length)
        {
            var digits = 0;
            while (digits < line.Length && char.IsAsciiDigit(line[digits]))
                digits++;
            if (digits < line.Length && line[digits] == ':')
            {
                var after = line[(digits + 1)..];
                if (after.StartsWith("   ", StringComparison.Ordinal) && after.Length > 3 && !TextSpan.IsBlank(after[3]))
                    return TextLineShape.PmapProcpsHeader;
                if (after.Length > 1 && after[0] == ' ' && !TextSpan.IsBlank(after[1]))
                    return TextLineShape.PmapBusyboxHeader;
            }
        }
        if (LooksLikeGdbRow(trimmed))
            return TextLineShape.GdbRow;
        if (LooksLikePmapRow(trimmed))
            return TextLineShape.PmapRow;
        // The -X/-XX totals row: numbers under the = rule, ending in "KB".
        var end = TextSpan.TrimBlanks(trimmed);
        if (end.EndsWith(" KB", StringComparison.Ordinal) && LooksLikeNumbers(end[..^3]))
            return TextLineShape.PmapFooter;
        return TextLineShape.Other;
    }

    /// <summary>
    /// <c>0xSTART 0xEND 0xSIZE 0xOFFSET</c> at the start of the (left-trimmed) line. A shape test only: a number too
    /// large for 64 bits still makes a row, so the parser reports it instead of the row vanishing.
    /// </summary>
    internal static bool LooksLikeGdbRow(ReadOnlySpan<char> trimmed)
    {
        var rest = trimmed;
        for (var i = 0; i < 4; i++)
        {
            if (!IsGdbNumber(TextSpan.NextToken(ref rest)))
                return false;
        }
        return true;
    }

    /// <summary>
    /// <c>0x</c> and hex digits, or a bare <c>0</c>: gdb before 7.5 (linux-nat.c) and gdb's procfs.c print every
    /// column with <c>%#x</c>, which prints zero without the prefix.
    /// </summary>
    internal static bool IsGdbNumber(ReadOnlySpan<char> token) =>
        token is "0" || (token.Length > 2 && token[0] == '0' && (token[1] | 0x20) == 'x' && IsHexDigits(token[2..]));

    /// <summary>True when <paramref name="line"/> has the shape of a mapping row of any text format.</summary>
    public static bool IsMappingRow(ReadOnlySpan<char> line) =>
        Classify(line) is TextLineShape.MapsLine or TextLineShape.PmapRow or TextLineShape.GdbRow
        || MapsLineParser.LooksLikeMapsLine(line);

    /// <summary>
    /// A line that only marks rows cut out of a listing: dots or an ellipsis (<c>...</c>, <c>[...]</c>, <c>(…)</c>)
    /// or one word such as <c>snip</c> between brackets, dashes or dots (<c>&lt;snip&gt;</c>, <c>---snip---</c>).
    /// </summary>
    internal static bool IsElision(ReadOnlySpan<char> trimmed)
    {
        const string Frame = "-=.…[]<>()*~ ";
        var word = trimmed.Trim(Frame);
        if (word.IsEmpty)
            return trimmed.Contains("...", StringComparison.Ordinal) || trimmed.Contains('…');
        foreach (var elided in ElisionWords)
        {
            if (word.Equals(elided, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static readonly string[] ElisionWords = ["snip", "snipped", "cut", "elided", "omitted", "skipped", "more"];

    /// <summary>A hex address, then a size (<c>NK</c> or a number) or a 4-character kernel perms (-X).</summary>
    internal static bool LooksLikePmapRow(ReadOnlySpan<char> trimmed)
    {
        var rest = trimmed;
        var address = TextSpan.NextToken(ref rest);
        // A shape test: an address too large for 64 bits is the parser's to report.
        if (address.Length < 4 || !IsHexDigits(address))
            return false;
        var second = TextSpan.NextToken(ref rest);
        if (second.Length == 4 && IsMode(second))
            return true;
        if (second.Length > 1 && second[^1] == 'K')
            second = second[..^1];
        if (!IsDigits(second) && second is not "-")
            return false;
        // The mode comes after one to four numeric columns.
        for (var i = 0; i < 5; i++)
        {
            var token = TextSpan.NextToken(ref rest);
            if (token.IsEmpty)
                return false;
            if ((token.Length is 4 or 5) && IsMode(token))
                return true;
            if (!IsDigits(token) && token is not "-")
                return false;
        }
        return false;
    }

    internal static bool IsMode(ReadOnlySpan<char> token) =>
        token.Length >= 4 && token[0] is 'r' or '-' && token[1] is 'w' or '-' && token[2] is 'x' or '-'
        && token[3] is 'p' or 's' or '-' && (token.Length == 4 || (token.Length == 5 && token[4] is '-' or 'R'));

    private static bool IsSmapsKey(ReadOnlySpan<char> line)
    {
        var colon = line.IndexOf(':');
        if (colon < 2)
            return false;
        foreach (var c in line[..colon])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
                return false;
        }
        var rest = line[(colon + 1)..];
        var value = TextSpan.NextToken(ref rest);
        if (!IsDigits(value))
            return false;
        var unit = TextSpan.TrimBlanks(rest);
        return unit.IsEmpty || unit is "kB";
    }

    private static bool LooksLikeTotal(ReadOnlySpan<char> afterWord)
    {
        var rest = TextSpan.TrimBlanks(afterWord);
        if (rest.StartsWith("kB", StringComparison.Ordinal))
            rest = rest[2..];
        var token = TextSpan.NextToken(ref rest);
        if (token.Length > 1 && token[^1] == 'K')
            token = token[..^1];
        return IsDigits(token);
    }

    private static bool LooksLikeNumbers(ReadOnlySpan<char> text)
    {
        var rest = text;
        var any = false;
        while (true)
        {
            var token = TextSpan.NextToken(ref rest);
            if (token.IsEmpty)
                return any;
            if (!IsDigits(token))
                return false;
            any = true;
        }
    }

    private static bool IsRule(ReadOnlySpan<char> trimmed, char ruleChar)
    {
        var dashes = 0;
        foreach (var c in trimmed)
        {
            if (c == ruleChar) dashes++;
            else if (!TextSpan.IsBlank(c)) return false;
        }
        return dashes >= 5;
    }

    /// <summary>The number after <c>process </c>, without the <c> flags:</c> that Solaris and illumos gdb print after it.</summary>
    internal static ReadOnlySpan<char> ProcessNumber(ReadOnlySpan<char> trimmed)
    {
        var number = TextSpan.TrimBlanks(trimmed[8..]);
        return number.EndsWith(" flags:", StringComparison.Ordinal) ? number[..^7] : number;
    }

    private static bool IsHexDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept(HexDigits);

    private static readonly System.Buffers.SearchValues<char> HexDigits =
        System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
            return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        return true;
    }
}

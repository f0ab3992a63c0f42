namespace Forensics.Importers.Text;

/// <summary>Allocation-free number and token scanning over one line of a capture.</summary>
internal static class TextSpan
{
    public static bool IsBlank(char c) => c is ' ' or '\t';

    public static bool IsHexDigit(char c) => char.IsAsciiHexDigit(c);

    /// <summary>Parses 1 to 16 significant hex digits (no prefix); false when empty, not hex, or above 64 bits.</summary>
    public static bool TryParseHex(ReadOnlySpan<char> text, out ulong value)
    {
        value = 0;
        if (text.IsEmpty)
            return false;
        var significant = 0;
        foreach (var c in text)
        {
            uint digit;
            if ((uint)(c - '0') <= 9) digit = (uint)(c - '0');
            else if ((uint)((c | 0x20) - 'a') <= 5) digit = (uint)((c | 0x20) - 'a' + 10);
            else return false;
            if (significant > 0 || digit != 0)
            {
                if (++significant > 16)
                    return false;
            }
            value = (value << 4) | digit;
        }
        return true;
    }

    /// <summary>Parses <c>0x</c>-prefixed hex.</summary>
    public static bool TryParsePrefixedHex(ReadOnlySpan<char> text, out ulong value)
    {
        if (text.Length > 2 && text[0] == '0' && (text[1] | 0x20) == 'x')
            return TryParseHex(text[2..], out value);
        value = 0;
        return false;
    }

    /// <summary>Parses unsigned decimal digits; false when empty, not a number, or above 64 bits.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, out ulong value)
    {
        value = 0;
        if (text.IsEmpty)
            return false;
        foreach (var c in text)
        {
            var digit = (uint)(c - '0');
            if (digit > 9)
                return false;
            if (value > (ulong.MaxValue - digit) / 10)
                return false;
            value = value * 10 + digit;
        }
        return true;
    }

    /// <summary>Kibibytes to bytes; false when the product does not fit 64 bits.</summary>
    public static bool TryKibibytes(ulong kib, out ulong bytes)
    {
        bytes = kib << 10;
        return kib <= ulong.MaxValue >> 10;
    }

    /// <summary>Skips spaces and tabs, returns the next run of non-blank characters and leaves <paramref name="rest"/> after it.</summary>
    public static ReadOnlySpan<char> NextToken(ref ReadOnlySpan<char> rest)
    {
        var start = 0;
        while (start < rest.Length && IsBlank(rest[start]))
            start++;
        var end = start;
        while (end < rest.Length && !IsBlank(rest[end]))
            end++;
        var token = rest[start..end];
        rest = rest[end..];
        return token;
    }

    /// <summary><see cref="NextToken(ref ReadOnlySpan{char})"/> that also moves <paramref name="position"/> to the token's exclusive end.</summary>
    public static ReadOnlySpan<char> NextToken(ref ReadOnlySpan<char> rest, ref int position)
    {
        var before = rest.Length;
        var token = NextToken(ref rest);
        position += before - rest.Length;
        return token;
    }

    public static ReadOnlySpan<char> TrimBlanksStart(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (start < text.Length && IsBlank(text[start]))
            start++;
        return text[start..];
    }

    public static ReadOnlySpan<char> TrimBlanks(ReadOnlySpan<char> text)
    {
        text = TrimBlanksStart(text);
        var end = text.Length;
        while (end > 0 && IsBlank(text[end - 1]))
            end--;
        return text[..end];
    }

    public static bool IsAllBlank(ReadOnlySpan<char> text) => TrimBlanksStart(text).IsEmpty;

    /// <summary>A short, printable excerpt of a bad line for a diagnostic message.</summary>
    public static string Excerpt(ReadOnlySpan<char> line)
    {
        const int Limit = 80;
        var cut = line.Length > Limit ? line[..Limit] : line;
        return string.Create(cut.Length, cut.ToString(), static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
        }) + (line.Length > Limit ? "..." : "");
    }
}

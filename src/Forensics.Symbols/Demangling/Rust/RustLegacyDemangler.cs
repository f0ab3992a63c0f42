using System.Text;

namespace Forensics.Symbols.Demangling.Rust;

/// <summary>
/// Rust's legacy mangling: an Itanium nested name whose last part is <c>h</c> and a 16-digit hash, with <c>$..$</c>
/// escapes in the identifiers (libiberty rust-demangle.c, whose text c++filt prints, hash included).
/// </summary>
internal static class RustLegacyDemangler
{
    public static string? TryDemangle(string name)
    {
        if (!name.StartsWith("_ZN", StringComparison.Ordinal))
            return null;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '.' or ':' or '@'))
                return null;
        }
        // The name ends with "E", maybe followed by a ".suffix" (".llvm.123"), which is not printed.
        var end = name.Length;
        var dotSuffix = true;
        while (end > 3 && !(dotSuffix && name[end - 1] == 'E'))
        {
            dotSuffix = name[end - 1] == '.';
            end--;
        }
        if (end <= 3 || name[end - 1] != 'E')
            return null;
        end--;
        if (end - 3 <= 19 || string.CompareOrdinal(name, end - 19, "17h", 0, 3) != 0)
            return null;

        var identifiers = new List<string>();
        var position = 3;
        while (position < end)
        {
            var lengthStart = position;
            while (position < end && char.IsAsciiDigit(name[position]))
                position++;
            if (position == lengthStart || position - lengthStart > 6)
                return null;
            var length = int.Parse(name.AsSpan(lengthStart, position - lengthStart), System.Globalization.CultureInfo.InvariantCulture);
            if (length == 0 || length > end - position)
                return null;
            identifiers.Add(name.Substring(position, length));
            position += length;
        }
        if (!IsHash(identifiers[^1]))
            return null;

        var output = new StringBuilder();
        for (var i = 0; i < identifiers.Count; i++)
        {
            if (i > 0)
                output.Append("::");
            AppendIdentifier(output, identifiers[i]);
        }
        return output.Length > DemanglerLimits.MaxOutputLength ? null : output.ToString();
    }

    /// <summary><c>h</c> and 16 lower-case hex digits of which at least 5 differ (libiberty's is_legacy_prefixed_hash).</summary>
    private static bool IsHash(string identifier)
    {
        if (identifier.Length != 17 || identifier[0] != 'h')
            return false;
        var seen = 0;
        foreach (var c in identifier.AsSpan(1))
        {
            var nibble = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : -1;
            if (nibble < 0)
                return false;
            seen |= 1 << nibble;
        }
        return System.Numerics.BitOperations.PopCount((uint)seen) >= 5;
    }

    private static void AppendIdentifier(StringBuilder output, string identifier)
    {
        var text = identifier.AsSpan();
        // The compiler puts "_" before an identifier that starts with an escape.
        if (text.Length >= 2 && text[0] == '_' && text[1] == '$')
            text = text[1..];
        while (text.Length > 0)
        {
            if (text[0] == '$')
            {
                if (DecodeEscape(text, out var decoded, out var length))
                {
                    output.Append(decoded);
                    text = text[length..];
                    continue;
                }
                output.Append(text);
                return;
            }
            if (text[0] == '.')
            {
                var dots = text.Length >= 2 && text[1] == '.';
                output.Append(dots ? "::" : ".");
                text = text[(dots ? 2 : 1)..];
                continue;
            }
            var plain = text.IndexOfAny('$', '.');
            if (plain < 0)
                plain = text.Length;
            output.Append(text[..plain]);
            text = text[plain..];
        }
    }

    private static bool DecodeEscape(ReadOnlySpan<char> text, out char decoded, out int length)
    {
        decoded = '\0';
        length = 0;
        var close = text[1..].IndexOf('$');
        if (close < 1)
            return false;
        var code = text.Slice(1, close);
        length = close + 2;
        switch (code)
        {
            case "C": decoded = ','; return true;
            case "SP": decoded = '@'; return true;
            case "BP": decoded = '*'; return true;
            case "RF": decoded = '&'; return true;
            case "LT": decoded = '<'; return true;
            case "GT": decoded = '>'; return true;
            case "LP": decoded = '('; return true;
            case "RP": decoded = ')'; return true;
        }
        if (code[0] != 'u' || code.Length < 2 || code.Length > 7)
            return false;
        var value = 0;
        foreach (var c in code[1..])
        {
            var nibble = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : -1;
            if (nibble < 0)
                return false;
            value = value * 16 + nibble;
        }
        if (value is < 0x20 or > 0x7e)
            return false;
        decoded = (char)value;
        return true;
    }
}

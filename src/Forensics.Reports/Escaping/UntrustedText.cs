using System.Globalization;
using System.Text;

namespace Forensics.Reports.Escaping;

/// <summary>
/// The one place where text from the evidence (paths, process names, command lines) is made safe for
/// the outputs: Markdown, CSV, XML (SVG) and file names. Every writer goes through it.
/// </summary>
public static class UntrustedText
{
    /// <summary>The longest slug a report file name gets, before any de-duplicating suffix.</summary>
    public const int MaximumSlugLength = 80;

    /// <summary>
    /// Text for a Markdown paragraph or table cell that renders exactly as the source printed it:
    /// nothing can end a table cell, start a link, image, code span, emphasis, heading or HTML, and
    /// line breaks, control and invisible formatting characters are shown as visible escapes.
    /// </summary>
    public static string Markdown(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\n': builder.Append("\\\\n"); break;
                case '\r': builder.Append("\\\\r"); break;
                case '\t': builder.Append("\\\\t"); break;
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '!' or '|' or '~':
                    builder.Append('\\').Append(c);
                    break;
                // These only mean something at the start of a line (list, heading, setext underline).
                case '-' or '+' or '#' or '=' when i == 0:
                    builder.Append('\\').Append(c);
                    break;
                // ':' and '@' start GFM's extended autolinks (http://..., a@b.c); escaping them keeps plain text plain.
                case ':' or '@':
                    builder.Append('\\').Append(c);
                    break;
                // "1." or "1)" at the start would begin an ordered list.
                case '.' or ')' when builder.Length > 0 && IsAllDigits(builder):
                    builder.Append('\\').Append(c);
                    break;
                case '.' when EndsWithWww(builder):
                    builder.Append("\\.");
                    break;
                default:
                    if (IsHidden(c))
                        builder.Append("\\\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// Text for a terminal or a plain-text file, as the source printed it but inert: line breaks, control characters
    /// (the escape that starts an ANSI sequence among them) and invisible formatting characters are shown as visible
    /// escapes (<c>\n</c>, <c>\u001b</c>), so a hostile name cannot move the cursor, recolour or rewrite the screen.
    /// </summary>
    public static string Terminal(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        if (!HasHidden(text))
            return text;
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (IsHidden(c))
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// A CSV cell that is inert in a terminal and in a spreadsheet. Control, bidirectional and other invisible
    /// characters are shown as on a terminal (<see cref="Terminal"/>: <c>\u001b</c>, <c>\u202e</c>, <c>\n</c>), and a
    /// cell that a spreadsheet could run as a formula (OWASP "CSV injection": one starting with <c>=</c>, <c>+</c>,
    /// <c>-</c>, <c>@</c> or their fullwidth forms, which some spreadsheets fold to them) gets a leading <c>'</c>.
    /// A cell that is only a signed number (<c>-4096</c>, <c>+0x1000</c>, the deltas of comparison.csv) is exempt:
    /// a spreadsheet reads it as a number or a harmless error, never as a function call.
    /// </summary>
    public static string Csv(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var visible = Terminal(text);
        if (visible[0] is not ('=' or '+' or '-' or '@' or '\uff1d' or '\uff0b' or '\uff0d' or '\uff20'))
            return visible;
        return IsSignedNumber(visible) ? visible : "'" + visible;
    }

    /// <summary>Text for XML character data or an attribute value (the SVG pictures).</summary>
    public static string Xml(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&apos;"); break;
                default:
                    if (char.IsControl(c) || IsHidden(c) || char.IsSurrogate(c))
                        builder.Append('?');
                    else
                        builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// The name of a capture's report files: the id itself when it is already a plain lower-case file name (as the
    /// pipeline's ids are), else its <see cref="Slug"/>. Either way it cannot name a folder or go up.
    /// </summary>
    public static string FileNameOf(string id) => IsPlainFileName(id) ? id : Slug(id);

    private static bool IsPlainFileName(string id)
    {
        if (id.Length is 0 or > 2 * MaximumSlugLength || id[0] is not ((>= 'a' and <= 'z') or (>= '0' and <= '9')))
            return false;
        foreach (var c in id)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_' or '+' or '~'))
                return false;
        }
        return true;
    }

    /// <summary>
    /// A file-name slug of <c>[a-z0-9-]</c> only, at most <see cref="MaximumSlugLength"/> characters,
    /// never empty: it cannot name a folder, go up (<c>..</c>) or carry a separator.
    /// </summary>
    public static string Slug(string? text)
    {
        var builder = new StringBuilder(Math.Min(text?.Length ?? 0, MaximumSlugLength));
        var pendingDash = false;
        foreach (var c in text ?? "")
        {
            if (builder.Length >= MaximumSlugLength)
                break;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingDash && builder.Length > 0)
                    builder.Append('-');
                pendingDash = false;
                builder.Append(c);
            }
            else if (c is >= 'A' and <= 'Z')
            {
                if (pendingDash && builder.Length > 0)
                    builder.Append('-');
                pendingDash = false;
                builder.Append((char)(c - 'A' + 'a'));
            }
            else
            {
                pendingDash = true;
            }
        }
        var slug = builder.ToString().TrimEnd('-');
        return slug.Length == 0 ? "capture" : slug;
    }

    /// <summary>Whether <see cref="IsHidden"/> holds for any character: printable ASCII, nearly all text of the evidence, is checked in vector steps.</summary>
    private static bool HasHidden(string text)
    {
        var span = text.AsSpan();
        var other = span.IndexOfAnyExceptInRange(' ', '~');
        if (other < 0)
            return false;
        foreach (var c in span[other..])
        {
            if (IsHidden(c))
                return true;
        }
        return false;
    }

    // Printable ASCII, nearly every character of the evidence, is answered before the Unicode tables are looked up.
    private static bool IsHidden(char c) =>
        c is < ' ' or > '~'
        && (char.IsControl(c)
            || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator);

    private static bool IsAllDigits(StringBuilder builder)
    {
        for (var i = 0; i < builder.Length; i++)
        {
            if (builder[i] is < '0' or > '9')
                return false;
        }
        return true;
    }

    private static bool EndsWithWww(StringBuilder builder) =>
        builder.Length >= 3
        && char.ToLowerInvariant(builder[^1]) == 'w'
        && char.ToLowerInvariant(builder[^2]) == 'w'
        && char.ToLowerInvariant(builder[^3]) == 'w';

    private static bool IsSignedNumber(string text)
    {
        var digits = text.AsSpan(text[0] is '+' or '-' ? 1 : 0);
        if (digits.StartsWith("0x", StringComparison.Ordinal))
        {
            digits = digits[2..];
            return digits.Length > 0 && !digits.ContainsAnyExcept("0123456789abcdef");
        }
        return digits.Length > 0 && !digits.ContainsAnyExcept("0123456789");
    }
}

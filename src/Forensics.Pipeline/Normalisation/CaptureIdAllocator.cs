using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Forensics.Pipeline.Normalisation;

/// <summary>
/// Gives each capture an id that is a function of its own input path (and of its line range when a document holds
/// several captures), so a link to its report stays valid whatever other evidence joins the batch. Ids are lower-case
/// file names that cannot leave their folder:
/// <list type="bullet">
/// <item>a plain path (<c>[a-z0-9._-]</c> in components that start with a letter or digit, no <c>--</c>) reads as
/// itself with <c>/</c> written <c>+</c> and the range as <c>~l3-41</c>: <c>crash/null.core.xz</c> →
/// <c>crash+null.core.xz</c>; this is one to one, since no plain path holds <c>+</c> or <c>~</c>;</item>
/// <item>any other path becomes a slug of <c>[a-z0-9-]</c> with <c>--</c> and a hash of the path appended:
/// <c>Core Dumps/A.core</c> → <c>core-dumps-a-core--1f0c…</c>; no plain id holds <c>--</c>, so the two kinds never meet.</item>
/// </list>
/// </summary>
public sealed class CaptureIdAllocator
{
    /// <summary>Longer ids are cut and end in a hash of the full text.</summary>
    public const int MaxLength = 96;

    private const int HashLength = 8;

    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>
    /// The id of a capture of <paramref name="inputPath"/>. Only the same capture asked for twice (or two hashes that
    /// collide) gets a counter, since ids must be unique within a batch.
    /// </summary>
    public string Allocate(string inputPath, (int First, int Last)? lineRange)
    {
        var id = IdOf(inputPath, lineRange);
        var unique = id;
        for (var n = 2; !_used.Add(unique); n++)
            unique = string.Create(CultureInfo.InvariantCulture, $"{id}-{n}");
        return unique;
    }

    /// <summary>The id of a capture of <paramref name="inputPath"/>, whatever else the batch holds.</summary>
    public static string IdOf(string inputPath, (int First, int Last)? lineRange)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        var range = lineRange is { } lines ? string.Create(CultureInfo.InvariantCulture, $"l{lines.First}-{lines.Last}") : null;
        if (IsPlain(inputPath))
        {
            var plain = inputPath.Replace('/', '+') + (range is null ? "" : "~" + range);
            if (plain.Length <= MaxLength)
                return plain;
        }
        var text = range is null ? inputPath : inputPath + " " + range;
        return Slug(text, MaxLength - HashLength - 2) + "--" + HashOf(text);
    }

    private static bool IsPlain(string path)
    {
        if (path.Length == 0 || path.Contains("--", StringComparison.Ordinal))
            return false;
        var componentStart = true;
        foreach (var c in path)
        {
            if (c == '/')
            {
                if (componentStart)
                    return false;
                componentStart = true;
                continue;
            }
            var letterOrDigit = c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (componentStart ? !letterOrDigit : !(letterOrDigit || c is '.' or '-' or '_'))
                return false;
            componentStart = false;
        }
        return !componentStart;
    }

    /// <summary>Lower-case ASCII letters and digits kept, every other run of characters turned into one <c>-</c>.</summary>
    private static string Slug(string text, int maxLength)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var lower = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
                builder.Append(lower);
            else if (builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
        }
        var slug = builder.ToString().TrimEnd('-');
        if (slug.Length > maxLength)
            slug = slug[..maxLength].TrimEnd('-');
        return slug.Length == 0 ? "capture" : slug;
    }

    private static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..HashLength];
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Forensics.Pipeline.Normalisation;

/// <summary>
/// Gives captures stable, unique ids: a slug of the relative input path (and the line range when a document
/// holds several captures) in <c>[a-z0-9-]</c> only, so an id used as a file name cannot leave its folder.
/// </summary>
public sealed class CaptureIdAllocator
{
    /// <summary>Longer slugs are cut and end in a hash of the full text, so they stay unique and readable.</summary>
    public const int MaxLength = 96;

    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>A unique id for a capture of <paramref name="inputPath"/>; the same calls in the same order give the same ids.</summary>
    public string Allocate(string inputPath, (int First, int Last)? lineRange)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        var text = lineRange is { } range
            ? string.Create(CultureInfo.InvariantCulture, $"{inputPath} l{range.First}-{range.Last}")
            : inputPath;
        var slug = Slug(text);
        var id = slug;
        for (var n = 2; !_used.Add(id); n++)
            id = string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}");
        return id;
    }

    /// <summary>Lower-case ASCII letters and digits kept, every other run of characters turned into one <c>-</c>.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
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
        if (slug.Length == 0)
            slug = "capture";
        if (slug.Length > MaxLength)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
            slug = slug[..(MaxLength - 9)].TrimEnd('-') + "-" + hash;
        }
        return slug;
    }
}

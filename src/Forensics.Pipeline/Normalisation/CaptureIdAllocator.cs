using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Forensics.Pipeline.Normalisation;

/// <summary>
/// Gives the captures of a batch stable, unique ids: a slug of the relative input path (and the line range when a
/// document holds several captures) in <c>[a-z0-9-]</c> only, so an id used as a file name cannot leave its folder.
/// When different paths of the batch give one slug, each of them gets <c>--</c> and a hash of its own path appended:
/// no id then depends on the order of the inputs, and a bare slug (which never holds <c>--</c>) never names another file.
/// </summary>
public sealed class CaptureIdAllocator
{
    /// <summary>Longer slugs are cut and end in a hash of the full text, so they stay unique and readable.</summary>
    public const int MaxLength = 96;

    private const int HashLength = 8;

    private readonly HashSet<string> _sharedSlugs;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <param name="captures">Every capture of the batch that will ask for an id, in any order.</param>
    public CaptureIdAllocator(IEnumerable<(string InputPath, (int First, int Last)? LineRange)> captures)
    {
        ArgumentNullException.ThrowIfNull(captures);
        _sharedSlugs = captures
            .GroupBy(c => Slug(TextOf(c.InputPath, c.LineRange)), StringComparer.Ordinal)
            .Where(g => g.Select(c => c.InputPath).Distinct(StringComparer.Ordinal).Skip(1).Any())
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The id of a capture of <paramref name="inputPath"/>; it depends on that path, the line range and whether another
    /// path of the batch has the same slug. Only a capture asked for twice gets a counter.
    /// </summary>
    public string Allocate(string inputPath, (int First, int Last)? lineRange)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        var text = TextOf(inputPath, lineRange);
        var slug = Slug(text);
        if (_sharedSlugs.Contains(slug))
            slug = Slug(text, MaxLength - HashLength - 2) + "--" + HashOf(inputPath);
        var id = slug;
        for (var n = 2; !_used.Add(id); n++)
            id = string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}");
        return id;
    }

    /// <summary>Lower-case ASCII letters and digits kept, every other run of characters turned into one <c>-</c>.</summary>
    public static string Slug(string text) => Slug(text, MaxLength);

    private static string Slug(string text, int maxLength)
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
        if (slug.Length > maxLength)
            slug = slug[..(maxLength - HashLength - 1)].TrimEnd('-') + "-" + HashOf(text);
        return slug;
    }

    private static string TextOf(string inputPath, (int First, int Last)? lineRange) => lineRange is { } range
        ? string.Create(CultureInfo.InvariantCulture, $"{inputPath} l{range.First}-{range.Last}")
        : inputPath;

    private static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..HashLength];
}

using System.Globalization;
using Forensics.Model;

namespace Forensics.Importers.Normalisation;

/// <summary>Compares what two sources say of one range: names, devices.</summary>
internal static class RegionComparison
{
    /// <summary>
    /// Equal names, or equal basenames where one side printed only a basename (pmap), or equal once maps'
    /// <c>\012</c> escape is read as the newline a kernel core's NT_FILE holds raw (docs/formats.md#maps-names).
    /// </summary>
    public static bool NamesCompatible(Region a, Region b)
    {
        if (a.Name is null || b.Name is null)
            return a.Name == b.Name;
        if (string.Equals(a.Name, b.Name, StringComparison.Ordinal))
            return true;
        // One file, whatever each writer made of its name (pmap -X keeps the first 127 characters of a path).
        if (a.Inode is > 0 && a.Inode == b.Inode && a.Device is { } deviceA && b.Device is { } deviceB && DevicesEqual(deviceA, deviceB))
            return true;
        if (a.NameTruncated != b.NameTruncated)
            return a.NameTruncated ? CutNameFits(a, b.Name) : CutNameFits(b, a.Name);
        if (a.NameIsBasename || b.NameIsBasename)
            return string.Equals(RegionNames.Basename(a.Name), RegionNames.Basename(b.Name), StringComparison.Ordinal);
        return string.Equals(Unescape(a.Name), Unescape(b.Name), StringComparison.Ordinal);
    }

    /// <summary>
    /// A name its writer cut, <c>start…end</c>, is another writer's whole name where that name has the end it knows and
    /// the start: as the whole name begins (a cut path), or anywhere before the end (the basename of a cut path).
    /// </summary>
    private static bool CutNameFits(Region cut, string whole)
    {
        var name = cut.Name!;
        var gap = name.LastIndexOf('…');
        if (gap < 0)
            return whole.StartsWith(name, StringComparison.Ordinal);
        var (head, tail) = (name[..gap], name[(gap + 1)..]);
        if (!whole.EndsWith(tail, StringComparison.Ordinal) || whole.Length < head.Length + tail.Length)
            return false;
        var before = whole[..^tail.Length];
        return cut.NameIsBasename ? before.Contains(head, StringComparison.Ordinal) : before.StartsWith(head, StringComparison.Ordinal);
    }

    /// <summary>Devices as numbers: maps prints <c>fe:00</c>, pmap -d <c>0fe:00000</c>.</summary>
    public static bool DevicesEqual(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
            return true;
        return TryParseDevice(a, out var majorA, out var minorA) && TryParseDevice(b, out var majorB, out var minorB)
            && majorA == majorB && minorA == minorB;
    }

    private static string Unescape(string name) => name.Replace("\\012", "\n", StringComparison.Ordinal);

    private static bool TryParseDevice(string text, out ulong major, out ulong minor)
    {
        minor = 0;
        var colon = text.IndexOf(':');
        return ulong.TryParse(colon < 0 ? text : text[..colon], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out major)
            & (colon >= 0 && ulong.TryParse(text.AsSpan(colon + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out minor));
    }
}

using System.Runtime.InteropServices;

namespace Forensics.Model;

/// <summary>
/// A capture's regions as a span, so that a pass over 2,000,000 of them is a plain loop rather than an interface call
/// (or two, with an enumerator) a region.
/// </summary>
public static class RegionSpan
{
    /// <summary>The regions as they are held (a list or an array), or copied once when held another way.</summary>
    public static ReadOnlySpan<Region> Of(IReadOnlyList<Region> regions) => regions switch
    {
        Region[] array => array,
        List<Region> list => CollectionsMarshal.AsSpan(list),
        _ => regions.ToArray(),
    };

    /// <summary>The regions in a form <see cref="Of"/> takes without a copy: as they are, or copied once.</summary>
    public static IReadOnlyList<Region> Spannable(IReadOnlyList<Region> regions) => regions is Region[] or List<Region> ? regions : regions.ToArray();
}

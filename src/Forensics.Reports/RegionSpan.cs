using System.Runtime.InteropServices;
using Forensics.Model;

namespace Forensics.Reports;

/// <summary>A capture's regions as a span, so that a pass over 2,000,000 of them is a plain loop rather than two interface calls a region.</summary>
internal static class RegionSpan
{
    public static ReadOnlySpan<Region> Of(IReadOnlyList<Region> regions) => regions switch
    {
        Region[] array => array,
        List<Region> list => CollectionsMarshal.AsSpan(list),
        _ => regions.ToArray(),
    };

    /// <summary>The regions in a form <see cref="Of"/> takes without a copy: as they are, or copied once.</summary>
    public static IReadOnlyList<Region> Spannable(IReadOnlyList<Region> regions) => regions is Region[] or List<Region> ? regions : regions.ToArray();
}

using Forensics.Model;

namespace Forensics.Reports;

/// <summary>A capture's regions and their bytes, by kind and in all.</summary>
internal sealed class KindTotals
{
    private static readonly int KindCount = Enum.GetValues<RegionKind>().Length;

    private readonly (int Regions, ulong Bytes)[] _byKind;

    private KindTotals((int Regions, ulong Bytes)[] byKind, ulong mappedBytes)
    {
        _byKind = byKind;
        MappedBytes = mappedBytes;
    }

    /// <summary>The bytes of every region, as <see cref="Capture.MappedBytes"/> adds them up.</summary>
    public ulong MappedBytes { get; }

    /// <summary>The kinds that have regions, in the kinds' order, with how many regions and bytes each has.</summary>
    public IReadOnlyList<(RegionKind Kind, int Regions, ulong Bytes)> Present =>
        [.. _byKind.Select((total, kind) => ((RegionKind)kind, total.Regions, total.Bytes)).Where(t => t.Regions > 0)];

    /// <summary>
    /// The totals of <paramref name="capture"/>'s regions, in one pass over them: tallied in an array indexed by the kind,
    /// not grouped (grouping 2,000,000 regions held a list of them all) nor looked up in a sorted dictionary a region.
    /// </summary>
    public static KindTotals Of(Capture capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var regions = RegionSpan.Spannable(capture.Regions);
        // A capture of millions of regions is added up in two halves at once; sums do not depend on the order.
        var halves = RegionHalves.Run(RegionHalves.Middle(regions.Count), regions.Count, (from, to) => Tally(RegionSpan.Of(regions)[from..to]));
        var (byKind, mapped) = halves[0];
        foreach (var (otherByKind, otherMapped) in halves.Skip(1))
        {
            for (var kind = 0; kind < KindCount; kind++)
                byKind[kind] = (byKind[kind].Regions + otherByKind[kind].Regions, byKind[kind].Bytes + otherByKind[kind].Bytes);
            mapped += otherMapped;
        }
        return new KindTotals(byKind, mapped);
    }

    private static ((int Regions, ulong Bytes)[] ByKind, ulong Mapped) Tally(ReadOnlySpan<Region> regions)
    {
        var byKind = new (int Regions, ulong Bytes)[KindCount];
        ulong mapped = 0;
        foreach (var region in regions)
        {
            var size = region.Size;
            ref var total = ref byKind[(int)region.Kind];
            total = (total.Regions + 1, total.Bytes + size);
            mapped += size;
        }
        return (byKind, mapped);
    }
}

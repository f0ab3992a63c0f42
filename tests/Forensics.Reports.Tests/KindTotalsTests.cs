using Forensics.Model;

namespace Forensics.Reports.Tests;

/// <summary>A capture's totals by kind, added up once for every report; a capture of millions of regions in two halves at once.</summary>
public sealed class KindTotalsTests
{
    [Theory]
    [InlineData(1_000)]
    [InlineData(RegionHalves.MinimumCount + 1_001)]
    public void Totals_are_those_of_every_region_by_kind(int count)
    {
        RegionKind[] kinds = [RegionKind.Anon, RegionKind.Text, RegionKind.Heap, RegionKind.Guard];
        var regions = new List<Region>(count);
        for (var i = 0; i < count; i++)
        {
            var start = 0x10000UL + (ulong)i * 0x4000;
            regions.Add(new Region(start, start + 0x1000UL * (ulong)(1 + i % 3)) { Kind = kinds[i % 7 % kinds.Length] });
        }
        var capture = new Capture { Id = "totals", Regions = regions };

        var totals = KindTotals.Of(capture);

        var expected = regions.GroupBy(r => r.Kind).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count(), (ulong)g.Sum(r => (long)r.Size))).ToList();
        Assert.Equal(expected, totals.Present);
        Assert.Equal(capture.MappedBytes, totals.MappedBytes);
        Assert.Equal(count, totals.Present.Sum(t => t.Regions));
    }
}

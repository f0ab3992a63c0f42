using Forensics.Model;

namespace Forensics.Reports.Tests;

/// <summary>The layout picture's merge in rounds against the heap it replaces where runs lie apart and have a size.</summary>
public sealed class LayoutPictureTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Rounds_give_the_segments_of_the_heap_on_random_layouts(int seed)
    {
        var random = new Random(seed);
        // Few sizes, so that many pairs tie; empty and overlapping regions in some layouts, where only the heap merges.
        var capture = Random(random, count: random.Next(LayoutPicture.MaximumSegments - 10, 4000), sizes: random.Next(1, 6), hostile: seed % 4 == 0);

        var byHeap = LayoutPicture.SegmentsMergedByHeapAlone(capture);

        Assert.Equal(byHeap, LayoutPicture.Segments(capture));
        Assert.Equal(capture.Regions.Count, byHeap.Sum(s => s.Regions));
    }

    [Fact]
    public void Two_hundred_thousand_equal_regions_apart_merge_as_the_heap_merges_them()
    {
        // The generated large maps' layout (tests/batch/make-large-maps.sh): a page mapped, a page unmapped, and again.
        var regions = new List<Region>();
        for (ulong i = 0, start = 0x7f0000000000; i < 200_000; i++, start += 0x2000)
            regions.Add(new Region(start, start + 0x1000) { Kind = RegionKind.Anon });
        var capture = new Capture { Id = "large", Regions = regions };

        var segments = LayoutPicture.Segments(capture);

        Assert.Equal(LayoutPicture.SegmentsMergedByHeapAlone(capture), segments);
        Assert.Equal(LayoutPicture.MaximumSegments, segments.Count);
        Assert.Equal(0x7f0000000000UL, segments[0].Start);
        Assert.Equal(4096, segments[0].Regions);
        // Halved in rounds while the runs are as large, the odd one at the end left to the heap: one run of 4,096 regions, 94 of 2,048, the last of 3,392.
        Assert.Equal(94, segments.Count(s => s.Regions == 2048));
        Assert.Equal(3392, segments[^1].Regions);
        Assert.Equal(0x7f0000000000UL + 199_999 * 0x2000UL + 0x1000, segments[^1].End);
        Assert.Equal(200_000, segments.Sum(s => s.Regions));
    }

    [Fact]
    public void Regions_out_of_order_are_drawn_as_the_same_regions_in_order()
    {
        var inOrder = Random(new Random(7), count: 3000, sizes: 4, hostile: false);
        var shuffled = inOrder.Regions.ToArray();
        new Random(8).Shuffle(shuffled);

        var segments = LayoutPicture.Segments(inOrder with { Regions = shuffled });

        Assert.Equal(LayoutPicture.Segments(inOrder), segments);
        Assert.Equal(inOrder.Regions[0].Start, segments[0].Start);
        Assert.Equal(3000, segments.Sum(s => s.Regions));
    }

    private static Capture Random(Random random, int count, int sizes, bool hostile)
    {
        RegionKind[] kinds = [RegionKind.Anon, RegionKind.Text, RegionKind.Data, RegionKind.Heap];
        var regions = new List<Region>(count);
        ulong start = 0x400000;
        for (var i = 0; i < count; i++)
        {
            var pages = (ulong)random.Next(hostile ? 0 : 1, sizes + 1);
            var end = start + pages * 0x1000;
            regions.Add(new Region(start, end) { Kind = kinds[random.Next(kinds.Length)] });
            start = hostile && random.Next(10) == 0 ? start + 0x800 : end + (ulong)random.Next(3) * 0x1000;
        }
        return new Capture { Id = "random", Regions = regions };
    }
}

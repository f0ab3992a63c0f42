using System.Globalization;
using System.Xml.Linq;
using Forensics.Analysis;
using Forensics.Model;
using Forensics.Pipeline;
using Forensics.Reports.Svg;
using Forensics.TestSupport;

namespace Forensics.Reports.Tests;

public sealed class LayoutSvgWriterTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>The advance of one character of the 11-pixel monospace font as rsvg-convert draws it (DejaVu Sans Mono).</summary>
    private const double CharacterWidth = 6.6;

    [Fact]
    public void Legend_names_every_kind_drawn_and_every_text_lies_within_the_width()
    {
        foreach (var analysis in Parquet.CorpusRun.Prepared.Captures)
        {
            var svg = Picture(analysis);
            var width = Attribute(svg, "width");

            var drawn = Group(svg, "layout").Elements(Svg + "rect").Select(r => Title(r).Split(' ')[0]).ToHashSet();
            var legend = Group(svg, "legend").Elements(Svg + "text").Select(t => t.Value).ToList();
            Assert.Equal(drawn.Order(StringComparer.Ordinal), legend.Where(e => e != "unmapped (compressed)").Select(e => e[2..]).Order(StringComparer.Ordinal));
            Assert.All(svg.Descendants(Svg + "text"), text =>
            {
                var (left, right) = Extent(text);
                Assert.InRange(left, 0, width);
                Assert.InRange(right, 0, width);
            });
        }
    }

    [Fact]
    public void Legend_of_a_null_dereference_core_wraps_instead_of_losing_its_last_kinds()
    {
        var svg = Picture(CrashNull());

        var legend = Group(svg, "legend").Elements(Svg + "text").ToList();
        Assert.Equal(
            ["T text", "R rodata", "r relro", "D data", "B bss", "H heap", "S stack", "v vdso", "y vsyscall", "a anon", "unmapped (compressed)"],
            legend.Select(t => t.Value));
        Assert.True(legend.Select(t => Attribute(t, "y")).Distinct().Count() > 1);
        Assert.True(Attribute(svg, "height") > legend.Max(t => Attribute(t, "y")));
    }

    [Fact]
    public void Crashing_pc_and_fault_address_of_a_null_dereference_are_marked()
    {
        var svg = Picture(CrashNull());
        var layout = Group(svg, "layout");
        var marks = Group(svg, "marks");

        Assert.Equal(["PC 0x557746708416 in crash_null+0x1416", "fault address 0x10 in unmapped"], marks.Elements(Svg + "text").Select(t => t.Value));
        var lines = marks.Elements(Svg + "line").ToList();
        Assert.Equal(
            ["PC 0x557746708416 in crash_null+0x1416", "fault address 0x10 in unmapped (unmapped: drawn on the gap the address lies in)"],
            lines.Select(Title));
        // The PC lies inside the text segment of crash_null; 0x10 lies below every region, on a gap line of its own.
        var text = layout.Elements(Svg + "rect").Single(r => Title(r).StartsWith("text 0x557746708000-0x557746709000 ", StringComparison.Ordinal));
        Assert.InRange(Attribute(lines[0], "x1"), Attribute(text, "x"), Attribute(text, "x") + Attribute(text, "width"));
        var fault = Attribute(lines[1], "x1");
        Assert.True(fault < layout.Elements(Svg + "rect").Min(r => Attribute(r, "x")));
        Assert.Contains(layout.Elements(Svg + "line"), gap => Attribute(gap, "x1") == fault && Title(gap) == "unmapped");
    }

    [Fact]
    public void Modules_are_named_inside_their_boxes_where_the_name_fits()
    {
        var modules = Group(Picture(CrashNull()), "modules");

        var names = modules.Elements(Svg + "text").ToList();
        Assert.Equal(["crash_null", "libc.so.6", "ld-linux…"], names.Select(t => t.Value));
        var boxes = modules.Elements(Svg + "rect").ToList();
        Assert.Equal(["crash_null", "libc.so.6", "[vdso]", "ld-linux-x86-64.so.2"], boxes.Select(b => Title(b).Split(' ')[0]));
        foreach (var name in names)
        {
            var (left, right) = Extent(name);
            Assert.Single(boxes, b => Attribute(b, "x") <= left && right <= Attribute(b, "x") + Attribute(b, "width"));
        }
    }

    [Fact]
    public void A_module_mapped_inside_another_is_boxed_but_not_named_over_it()
    {
        var capture = new Capture
        {
            Id = "nested",
            Regions = [new Region(0x7f0000000000, 0x7f1000000000) { Kind = RegionKind.Text }],
            Modules =
            [
                new Module { Name = "coreclr", Path = "/usr/share/dotnet/coreclr", Base = 0x7f0000000000, End = 0x7f1000000000 },
                new Module { Name = "CoreLib", Path = "CoreLib", Base = 0x7f0100000000, End = 0x7f0f00000000 },
            ],
        };

        var modules = Group(Picture(new CaptureAnalysis(capture, null, [])), "modules");

        Assert.Equal(2, modules.Elements(Svg + "rect").Count());
        Assert.Equal(["coreclr"], modules.Elements(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void Twenty_thousand_regions_of_a_bench_capture_stay_within_the_maximum_width()
    {
        var batch = new BatchImporter().Import([TestPaths.CorpusFile("bench", "many-maps.maps.xz")]);
        var capture = Assert.Single(batch.Captures);
        Assert.Equal(20026, capture.Regions.Count);

        var svg = Picture(CaptureAnalyzer.Analyze(capture, batch.Captures));

        Assert.InRange(Attribute(svg, "width"), 400, LayoutSvgWriter.MaximumWidth);
        Assert.Equal(20026, Group(svg, "layout").Elements(Svg + "rect").Sum(r => Regions(Title(r))));
    }

    [Fact]
    public void Ten_thousand_segments_merge_down_to_the_maximum_within_the_maximum_width()
    {
        var capture = Alternating(10_000);

        var svg = Picture(new CaptureAnalysis(capture, null, []));

        Assert.Equal(LayoutSvgWriter.MaximumWidth, Attribute(svg, "width"));
        var rects = Group(svg, "layout").Elements(Svg + "rect").ToList();
        Assert.Equal(LayoutPicture.MaximumSegments, rects.Count);
        Assert.Equal(10_000, rects.Sum(r => Regions(Title(r))));
        Assert.All(rects, r => Assert.True(Attribute(r, "x") + Attribute(r, "width") <= LayoutSvgWriter.MaximumWidth));
    }

    [Fact]
    public void Merging_joins_the_smallest_neighbouring_pair_first_as_a_scan_of_every_pair_would()
    {
        var capture = Alternating(1_500);
        var unmerged = capture.Regions.Select((r, i) => new LayoutSegment(r.Kind, r.Start, r.End, 1, i > 0 && i % 3 == 0)).ToList();
        var expected = MergedByScanning(unmerged);

        Assert.Equal(expected, LayoutPicture.Segments(capture));
    }

    private static CaptureAnalysis CrashNull() => Parquet.CorpusRun.Prepared.Captures.Single(a => a.Capture.InputPath == "crash-null/core.xz");

    private static XElement Picture(CaptureAnalysis analysis) => XElement.Parse(LayoutSvgWriter.Write(analysis));

    private static XElement Group(XElement svg, string name) =>
        svg.Elements(Svg + "g").Single(g => (string?)g.Attribute("class") == name);

    private static string Title(XElement element) => element.Element(Svg + "title")!.Value;

    private static int Attribute(XElement element, string name) => int.Parse((string)element.Attribute(name)!, CultureInfo.InvariantCulture);

    // "text 0x1000-0x2000 4 KiB in 3 regions"
    private static int Regions(string title) => int.Parse(title.Split(' ')[^2], CultureInfo.InvariantCulture);

    private static (double Left, double Right) Extent(XElement text)
    {
        var x = Attribute(text, "x");
        var width = text.Value.Length * CharacterWidth;
        return (string?)text.Attribute("text-anchor") switch
        {
            "middle" => (x - width / 2, x + width / 2),
            "end" => (x - width, x),
            _ => (x, x + width),
        };
    }

    /// <summary>Regions of sizes from 1 to 64 pages in turn of three kinds, with unmapped space before every third.</summary>
    private static Capture Alternating(int count)
    {
        var regions = new List<Region>();
        RegionKind[] kinds = [RegionKind.Anon, RegionKind.Text, RegionKind.Data];
        ulong start = 0x10000000, seed = 12345;
        for (var i = 0; i < count; i++)
        {
            seed = seed * 6364136223846793005 + 1442695040888963407;
            var end = start + (1 + (seed >> 58)) * 0x1000;
            regions.Add(new Region(start, end) { Kind = kinds[i % kinds.Length] });
            start = end + (i % 3 == 2 ? 0x3000UL : 0);
        }
        return new Capture { Id = "alternating", Regions = regions };
    }

    /// <summary>The merge as it was first written: scan every neighbouring pair for the smallest, join it, repeat.</summary>
    private static List<LayoutSegment> MergedByScanning(List<LayoutSegment> segments)
    {
        segments = [.. segments];
        while (segments.Count > LayoutPicture.MaximumSegments)
        {
            var best = 0;
            for (var i = 1; i + 1 < segments.Count; i++)
            {
                if (segments[i].Size + segments[i + 1].Size < segments[best].Size + segments[best + 1].Size)
                    best = i;
            }
            var (left, right) = (segments[best], segments[best + 1]);
            segments[best] = new LayoutSegment(left.Size >= right.Size ? left.Kind : right.Kind, left.Start, right.End, left.Regions + right.Regions, left.GapBefore);
            segments.RemoveAt(best + 1);
        }
        return segments;
    }
}

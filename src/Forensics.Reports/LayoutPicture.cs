using Forensics.Model;

namespace Forensics.Reports;

/// <summary>
/// The address space low to high as a row of segments with the unmapped gaps compressed to one mark,
/// so small regions stay visible; drawn as a plain-text bar in Markdown and as an SVG file.
/// </summary>
public static class LayoutPicture
{
    /// <summary>At most this many segments are drawn; beyond it neighbours merge into the larger one's kind.</summary>
    public const int MaximumSegments = 96;

    public static IReadOnlyList<LayoutSegment> Segments(Capture capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var segments = new List<LayoutSegment>();
        ulong previousEnd = 0;
        foreach (var region in capture.Regions.OrderBy(r => r.Start).ThenBy(r => r.End))
        {
            var gap = segments.Count > 0 && region.Start > previousEnd;
            var kind = region.Kind;
            if (segments.Count > 0 && !gap && segments[^1].Kind == kind)
            {
                var last = segments[^1];
                segments[^1] = last with { End = Math.Max(last.End, region.End), Regions = last.Regions + 1 };
            }
            else
            {
                segments.Add(new LayoutSegment(kind, region.Start, Math.Max(region.Start, region.End), 1, gap));
            }
            previousEnd = Math.Max(previousEnd, region.End);
        }
        while (segments.Count > MaximumSegments)
            MergeSmallest(segments);
        return segments;
    }

    /// <summary>The one-character mark of a kind in the text bar.</summary>
    public static char Mark(RegionKind kind) => kind switch
    {
        RegionKind.Text => 'T',
        RegionKind.Rodata => 'R',
        RegionKind.Relro => 'r',
        RegionKind.Data => 'D',
        RegionKind.Bss => 'B',
        RegionKind.Gap => '-',
        RegionKind.Heap => 'H',
        RegionKind.Stack => 'S',
        RegionKind.ThreadStack => 's',
        RegionKind.Vdso => 'v',
        RegionKind.Vvar => 'V',
        RegionKind.Vsyscall => 'y',
        RegionKind.Anon => 'a',
        RegionKind.AnonExec => 'X',
        RegionKind.File => 'f',
        RegionKind.Shm => 'm',
        RegionKind.Guard => 'g',
        _ => '?',
    };

    /// <summary>How many characters (text) or units (SVG) a segment gets: grows with the logarithm of its size.</summary>
    public static int Width(LayoutSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var pages = Math.Max(1UL, segment.Size >> 12);
        return 1 + Math.Min(5, (int)Math.Log2(pages) / 4);
    }

    /// <summary>
    /// The text bar: one line of marks (<c>~</c> for an unmapped gap), a line with the lowest and highest
    /// address, and a legend of the marks used.
    /// </summary>
    public static IReadOnlyList<string> TextBar(Capture capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var segments = Segments(capture);
        if (segments.Count == 0)
            return ["(no regions)"];
        var bar = new System.Text.StringBuilder("|");
        foreach (var segment in segments)
        {
            if (segment.GapBefore)
                bar.Append('~');
            bar.Append(Mark(segment.Kind), Width(segment));
        }
        bar.Append('|');
        var lines = new List<string>
        {
            "low  " + ReportValues.Address(segments[0].Start),
            bar.ToString(),
            "high " + ReportValues.Address(segments[^1].End),
        };
        var legend = segments.Select(s => s.Kind).Distinct().Order()
            .Select(k => Mark(k) + " " + k.ToId());
        lines.Add("~ unmapped (compressed); " + string.Join(", ", legend));
        return lines;
    }

    private static void MergeSmallest(List<LayoutSegment> segments)
    {
        var best = 0;
        var bestSize = ulong.MaxValue;
        for (var i = 0; i + 1 < segments.Count; i++)
        {
            var size = segments[i].Size + segments[i + 1].Size;
            if (size < bestSize)
            {
                bestSize = size;
                best = i;
            }
        }
        var left = segments[best];
        var right = segments[best + 1];
        var kind = left.Size >= right.Size ? left.Kind : right.Kind;
        segments[best] = new LayoutSegment(kind, left.Start, right.End, left.Regions + right.Regions, left.GapBefore);
        segments.RemoveAt(best + 1);
    }
}

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
        var runs = new List<Run>();
        ulong previousEnd = 0;
        foreach (var region in capture.Regions.OrderBy(r => r.Start).ThenBy(r => r.End))
        {
            var gap = runs.Count > 0 && region.Start > previousEnd;
            var kind = region.Kind;
            if (runs.Count > 0 && !gap && runs[^1].Kind == kind)
            {
                var last = runs[^1];
                runs[^1] = last with { End = Math.Max(last.End, region.End), Regions = last.Regions + 1 };
            }
            else
            {
                runs.Add(new Run(kind, region.Start, Math.Max(region.Start, region.End), 1, gap));
            }
            previousEnd = Math.Max(previousEnd, region.End);
        }
        return runs.Count > MaximumSegments ? MergeSmallest(runs) : [.. runs.Select(r => r.ToSegment())];
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
        return TextBar(Segments(capture));
    }

    /// <summary>The text bar of <see cref="Segments"/> made already.</summary>
    public static IReadOnlyList<string> TextBar(IReadOnlyList<LayoutSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
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

    /// <summary>
    /// Merges the adjacent pair with the smallest combined size, into the larger one's kind, until
    /// <see cref="MaximumSegments"/> remain; ties go to the lower pair. The pairs wait in a heap and the segments form
    /// a linked list, so tens of thousands of regions cost O(n log n) (a scan for each merge was quadratic).
    /// </summary>
    private static List<LayoutSegment> MergeSmallest(List<Run> segments)
    {
        var count = segments.Count;
        var merged = segments.ToArray();
        var alive = new bool[count];
        var next = new int[count];
        var previous = new int[count];
        for (var i = 0; i < count; i++)
        {
            alive[i] = true;
            next[i] = i + 1;
            previous[i] = i - 1;
        }
        // Queued at once, the first pairs are made a heap in linear time.
        var pairs = new PriorityQueue<int, (ulong Size, int Left)>(
            Enumerable.Range(0, count - 1).Select(i => (i, (segments[i].Size + segments[i + 1].Size, i))));
        var remaining = count;
        while (remaining > MaximumSegments && pairs.TryDequeue(out var left, out var pair))
        {
            // An entry is stale once either side has merged since: its left is gone or the sizes it was queued with changed.
            if (!alive[left] || next[left] == count || !alive[next[left]] || merged[left].Size + merged[next[left]].Size != pair.Size)
                continue;
            var right = next[left];
            var (low, high) = (merged[left], merged[right]);
            var joined = new Run(low.Size >= high.Size ? low.Kind : high.Kind, low.Start, high.End, low.Regions + high.Regions, low.GapBefore);
            merged[left] = joined;
            alive[right] = false;
            next[left] = next[right];
            if (next[left] < count)
            {
                previous[next[left]] = left;
                pairs.Enqueue(left, (joined.Size + merged[next[left]].Size, left));
            }
            if (previous[left] >= 0)
                pairs.Enqueue(previous[left], (merged[previous[left]].Size + joined.Size, previous[left]));
            remaining--;
        }
        return [.. merged.Where((_, index) => alive[index]).Select(r => r.ToSegment())];
    }

    /// <summary>A segment while the picture is made: a value, so that a million regions are not a million objects twice.</summary>
    private readonly record struct Run(RegionKind Kind, ulong Start, ulong End, int Regions, bool GapBefore)
    {
        public ulong Size => End - Start;

        public LayoutSegment ToSegment() => new(Kind, Start, End, Regions, GapBefore);
    }
}

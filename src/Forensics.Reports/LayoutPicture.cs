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
        var runs = new List<Run>(capture.Regions.Count);
        ulong previousEnd = 0;
        foreach (var region in InAddressOrder(capture.Regions))
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

    /// <summary>The regions by start, then end: a normalised capture's own order mostly, which then needs no sorted copy.</summary>
    private static IEnumerable<Region> InAddressOrder(IReadOnlyList<Region> regions)
    {
        for (var i = 1; i < regions.Count; i++)
        {
            var (previous, region) = (regions[i - 1], regions[i]);
            if (region.Start < previous.Start || (region.Start == previous.Start && region.End < previous.End))
                return regions.OrderBy(r => r.Start).ThenBy(r => r.End);
        }
        return regions;
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
    /// a linked list, so tens of thousands of regions cost O(n log n) (a scan for each merge was quadratic). The
    /// segments merge in place, and the heap (<see cref="PairHeap"/>, 16 bytes an entry) has a fixed room: an entry goes
    /// stale when a side merges, and when the room is used up the heap is made again from the live pairs. With a
    /// PriorityQueue growing beside two copies of the segments, 2,000,000 regions took 2.1 s and 356 MB (now about 0.7 s and 116 MB).
    /// </summary>
    private static List<LayoutSegment> MergeSmallest(List<Run> segments)
    {
        var count = segments.Count;
        var merged = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(segments);
        var alive = new bool[count];
        var next = new int[count];
        var previous = new int[count];
        for (var i = 0; i < count; i++)
        {
            alive[i] = true;
            next[i] = i + 1;
            previous[i] = i - 1;
        }
        // Room for a quarter more entries than pairs: when it is used up, the stale entries are dropped.
        var pairs = new PairHeap(count - 1 + count / 4);
        QueueLivePairs(pairs, merged, next);
        var remaining = count;
        while (remaining > MaximumSegments)
        {
            if (pairs.IsFull)
                QueueLivePairs(pairs, merged, next);
            if (!pairs.TryDequeue(out var pairSize, out var left))
                break;
            // An entry is stale once either side has merged since: its left is gone or the sizes it was queued with changed.
            if (!alive[left] || next[left] == count || !alive[next[left]] || merged[left].Size + merged[next[left]].Size != pairSize)
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
                pairs.Enqueue(joined.Size + merged[next[left]].Size, left);
            }
            if (previous[left] >= 0)
                pairs.Enqueue(merged[previous[left]].Size + joined.Size, previous[left]);
            remaining--;
        }
        var result = new List<LayoutSegment>(remaining);
        for (var i = 0; i < count; i++)
        {
            if (alive[i])
                result.Add(merged[i].ToSegment());
        }
        return result;
    }

    /// <summary>
    /// Empties <paramref name="pairs"/> and queues each adjacent pair of the segments still alive with its size now,
    /// made a heap in linear time. Segment 0 is never merged into another, so the list starts there.
    /// </summary>
    private static void QueueLivePairs(PairHeap pairs, ReadOnlySpan<Run> merged, int[] next)
    {
        pairs.Clear();
        for (var left = 0; next[left] < merged.Length; left = next[left])
            pairs.Add(merged[left].Size + merged[next[left]].Size, left);
        pairs.Heapify();
    }

    /// <summary>
    /// A min-heap of adjacent pairs by combined size, then by the left segment's index. Equal keys are the same pair, so
    /// the order pairs leave in is the keys' order whatever heap holds them. Four children a node: half the levels of a
    /// binary heap, whose cache misses were most of the cost with 2,000,000 pairs (0.68 s rather than 0.76).
    /// </summary>
    private sealed class PairHeap(int capacity)
    {
        private const int Arity = 4;

        private Pair[] _items = new Pair[Math.Max(1, capacity)];
        private int _count;

        public bool IsFull => _count == _items.Length;

        public void Clear() => _count = 0;

        /// <summary>Adds without keeping the heap order: <see cref="Heapify"/> makes it afterwards.</summary>
        public void Add(ulong size, int left)
        {
            if (_count == _items.Length)
                Array.Resize(ref _items, _items.Length * 2);
            _items[_count++] = new Pair(size, left);
        }

        public void Heapify()
        {
            for (var i = (_count - 2) / Arity; i >= 0; i--)
                MoveDown(i);
        }

        public void Enqueue(ulong size, int left)
        {
            Add(size, left);
            MoveUp(_count - 1);
        }

        public bool TryDequeue(out ulong size, out int left)
        {
            if (_count == 0)
            {
                (size, left) = (0, 0);
                return false;
            }
            (size, left) = (_items[0].Size, _items[0].Left);
            var last = _items[--_count];
            if (_count == 0)
                return true;
            // The last entry is mostly among the largest: the hole at the top goes down to a leaf by the smaller child
            // (one comparison a level rather than two) and the last entry rises from there.
            var items = _items.AsSpan(0, _count);
            var index = 0;
            for (var first = 1; first < items.Length; first = Arity * index + 1)
            {
                var child = first;
                for (var other = first + 1; other < Math.Min(first + Arity, items.Length); other++)
                {
                    if (Less(items[other], items[child]))
                        child = other;
                }
                items[index] = items[child];
                index = child;
            }
            items[index] = last;
            MoveUp(index);
            return true;
        }

        private void MoveUp(int index)
        {
            var item = _items[index];
            while (index > 0)
            {
                var parent = (index - 1) / Arity;
                if (!Less(item, _items[parent]))
                    break;
                _items[index] = _items[parent];
                index = parent;
            }
            _items[index] = item;
        }

        private void MoveDown(int index)
        {
            var item = _items[index];
            while (true)
            {
                var first = Arity * index + 1;
                if (first >= _count)
                    break;
                var child = first;
                for (var other = first + 1; other < Math.Min(first + Arity, _count); other++)
                {
                    if (Less(_items[other], _items[child]))
                        child = other;
                }
                if (!Less(_items[child], item))
                    break;
                _items[index] = _items[child];
                index = child;
            }
            _items[index] = item;
        }

        // Without branches: which of two children is smaller is a coin toss the processor cannot predict.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static bool Less(Pair a, Pair b) => (a.Size < b.Size) | ((a.Size == b.Size) & (a.Left < b.Left));

        private readonly record struct Pair(ulong Size, int Left);
    }

    /// <summary>A segment while the picture is made: a value, so that a million regions are not a million objects twice.</summary>
    private readonly record struct Run(RegionKind Kind, ulong Start, ulong End, int Regions, bool GapBefore)
    {
        public ulong Size => End - Start;

        public LayoutSegment ToSegment() => new(Kind, Start, End, Regions, GapBefore);
    }
}

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

    public static IReadOnlyList<LayoutSegment> Segments(Capture capture) => Made(capture, heapOnly: false);

    /// <summary>The same segments with the merge made by the heap alone from the start: the tests compare the two ways of merging.</summary>
    internal static IReadOnlyList<LayoutSegment> SegmentsMergedByHeapAlone(Capture capture) => Made(capture, heapOnly: true);

    private static List<LayoutSegment> Made(Capture capture, bool heapOnly)
    {
        ArgumentNullException.ThrowIfNull(capture);
        // A normalised capture's regions are in address order mostly: they are surveyed as they are, and sorted only
        // when the survey finds them out of order.
        var regions = RegionSpan.Of(capture.Regions);
        if (Surveyed(regions) is not { } survey)
        {
            regions = capture.Regions.OrderBy(r => r.Start).ThenBy(r => r.End).ToArray();
            survey = Surveyed(regions)!.Value;
        }
        Run[] runs;
        var count = survey.Count;
        if (count > MaximumSegments && !heapOnly && survey.ApartAndNotEmpty)
        {
            (runs, count) = MergedInRounds(regions, survey);
        }
        else
        {
            // In order: the survey above found them so.
            var collector = new RunCollector(new Run[count]);
            FeedRuns(regions, ref collector);
            runs = collector.Runs;
        }
        if (count > MaximumSegments)
            return MergeSmallest(runs.AsSpan(0, count));
        var result = new List<LayoutSegment>(count);
        foreach (var run in runs.AsSpan(0, count))
            result.Add(run.ToSegment());
        return result;
    }

    /// <summary>Takes the runs of <see cref="FeedRuns"/>, one at a time.</summary>
    private interface IRunSink
    {
        void Add(Run run);
    }

    /// <summary>
    /// Gives <paramref name="sink"/> the runs of the regions (<see cref="RunBuilder"/>) in order; false, having stopped,
    /// when the regions are not in order of start, then end. Generic over a value type, so each pass gets a loop of its
    /// own with the sink's calls made directly (inlined), not through an interface or a delegate.
    /// </summary>
    private static bool FeedRuns<TSink>(ReadOnlySpan<Region> regions, ref TSink sink)
        where TSink : struct, IRunSink
    {
        var builder = new RunBuilder();
        ulong previousStart = 0, previousEnd = 0;
        foreach (var region in regions)
        {
            var (start, end) = (region.Start, region.End);
            if (start < previousStart || (start == previousStart && end < previousEnd))
                return false;
            (previousStart, previousEnd) = (start, end);
            if (builder.Add(region, out var run))
                sink.Add(run);
        }
        if (builder.Last(out var last))
            sink.Add(last);
        return true;
    }

    /// <summary>The runs into an array as large as the survey counted.</summary>
    private struct RunCollector(Run[] runs) : IRunSink
    {
        private int _count;

        public readonly Run[] Runs => runs;

        public void Add(Run run) => runs[_count++] = run;
    }

    /// <summary>
    /// The regions in address order as runs, one region at a time: neighbours of one kind with no gap between them are
    /// one run. A value passed along the loops of the passes below rather than an iterator, which cost two interface calls
    /// a region.
    /// </summary>
    private struct RunBuilder
    {
        private Run _run;
        private bool _started;
        private ulong _previousEnd;

        /// <summary>Takes the next region; true, with the run it ends, when it starts a new one.</summary>
        public bool Add(Region region, out Run ended)
        {
            var gap = _started && region.Start > _previousEnd;
            var ends = false;
            ended = _run;
            if (_started && !gap && _run.Kind == region.Kind)
            {
                _run = new Run(_run.Start, Math.Max(_run.End, region.End), _run.Regions + 1, _run.Kind, _run.GapBefore);
            }
            else
            {
                ends = _started;
                _run = new Run(region.Start, Math.Max(region.Start, region.End), 1, region.Kind, gap);
                _started = true;
            }
            _previousEnd = Math.Max(_previousEnd, region.End);
            return ends;
        }

        /// <summary>The run the last region is in, where there was one.</summary>
        public readonly bool Last(out Run run)
        {
            run = _run;
            return _started;
        }
    }

    /// <summary>
    /// How many runs there are; whether every run has a size and ends where or before the next starts (then a joined
    /// pair is at least as large as its two sides together, so every pair next to it is larger than the pair just
    /// joined, and no sum overflows); and the smallest combined size of a pair.
    /// </summary>
    private struct Surveyor() : IRunSink
    {
        private int _count;
        private bool _apart = true;
        private ulong _smallest = ulong.MaxValue;
        private Run _previous;

        public void Add(Run run)
        {
            _apart &= run.End > run.Start && (_count == 0 || _previous.End <= run.Start);
            if (_count > 0 && _apart)
                _smallest = Math.Min(_smallest, _previous.Size + run.Size);
            _previous = run;
            _count++;
        }

        public readonly Survey Result => new(_count, _apart, _smallest);
    }

    /// <summary>The survey of the regions' runs; null when the regions are not in order of start, then end.</summary>
    private static Survey? Surveyed(ReadOnlySpan<Region> regions)
    {
        var surveyor = new Surveyor();
        return FeedRuns(regions, ref surveyor) ? surveyor.Result : null;
    }

    private static Survey Surveyed(ReadOnlySpan<Run> runs)
    {
        var surveyor = new Surveyor();
        foreach (var run in runs)
            surveyor.Add(run);
        return surveyor.Result;
    }

    private readonly record struct Survey(int Count, bool ApartAndNotEmpty, ulong SmallestPair);

    /// <summary>
    /// The merge of <see cref="MergeSmallest"/> in rounds, for runs that are apart and not empty: a round finds the
    /// smallest combined size of a pair and joins, left to right, every pair of that size whose sides are not joined
    /// already this round. That is the heap's order exactly: after a join both pairs beside it are larger, so the heap's
    /// next pair is the next pair of the smallest size to the right. When a round joins fewer than an eighth, the rest
    /// is left to the heap, so the rounds cost a few passes over the runs at most (2,000,000 runs as large: eight rounds
    /// halve them to 7,813, the heap does the rest). The first round is made straight from the regions, counted first
    /// and then kept, so that all the runs are never held at once (2,000,000 of them were 48 MB).
    /// </summary>
    private static (Run[] Runs, int Count) MergedInRounds(ReadOnlySpan<Region> regions, Survey survey)
    {
        var runs = new Run[FirstRound(regions, survey, keep: null)];
        var count = FirstRound(regions, survey, runs);
        var joined = survey.Count - count;
        while (count > MaximumSegments && joined >= count / 8)
        {
            var round = new Round(Surveyed(runs.AsSpan(0, count)).SmallestPair, count);
            var kept = 0;
            // A round keeps no more runs than it has read: it writes its result over them.
            for (var i = 0; i < count; i++)
            {
                if (round.Add(runs[i], out var run))
                    runs[kept++] = run;
            }
            if (round.Last(out var last))
                runs[kept++] = last;
            joined = count - kept;
            count = kept;
        }
        return (runs, count);
    }

    /// <summary>The first round, made from the regions: how many runs it keeps, and those runs into <paramref name="keep"/> when given.</summary>
    private static int FirstRound(ReadOnlySpan<Region> regions, Survey survey, Run[]? keep)
    {
        // In order: the survey found them so.
        var round = new FirstRoundOfRuns(new Round(survey.SmallestPair, survey.Count), keep);
        FeedRuns(regions, ref round);
        return round.Finished();
    }

    /// <summary>The first round as the runs come: counts the runs it keeps, and keeps them when given an array.</summary>
    private struct FirstRoundOfRuns(Round round, Run[]? keep) : IRunSink
    {
        private Round _round = round;
        private int _kept;

        public void Add(Run run)
        {
            if (_round.Add(run, out var joined))
                Keep(joined);
        }

        /// <summary>Keeps the run the last one is in; how many runs were kept.</summary>
        public int Finished()
        {
            if (_round.Last(out var last))
                Keep(last);
            return _kept;
        }

        private void Keep(Run run)
        {
            if (keep is not null)
                keep[_kept] = run;
            _kept++;
        }
    }

    /// <summary>One round of <see cref="MergedInRounds"/> over <paramref name="count"/> runs, a run at a time.</summary>
    private struct Round(ulong smallest, int count)
    {
        private int _remaining = count;
        private bool _started;
        private Run _current;

        /// <summary>Takes the next run; true, with the run kept before it, when it is not joined to that one.</summary>
        public bool Add(Run run, out Run kept)
        {
            kept = _current;
            if (!_started)
            {
                (_current, _started) = (run, true);
                return false;
            }
            if (_remaining > MaximumSegments && _current.Size + run.Size == smallest)
            {
                _current = Join(_current, run);
                _remaining--;
                return false;
            }
            _current = run;
            return true;
        }

        public readonly bool Last(out Run kept)
        {
            kept = _current;
            return _started;
        }
    }

    /// <summary>Two neighbours as one, of the larger one's kind (the lower one's when they are as large).</summary>
    private static Run Join(Run low, Run high) =>
        new(low.Start, high.End, low.Regions + high.Regions, low.Size >= high.Size ? low.Kind : high.Kind, low.GapBefore);

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
    /// PriorityQueue growing beside two copies of the segments, 2,000,000 regions took 2.1 s and 356 MB (this heap about 0.7 s
    /// and 116 MB). <see cref="MergedInRounds"/> does most merges first where it can; this is the rest, and all of them where
    /// runs overlap or are empty.
    /// </summary>
    private static List<LayoutSegment> MergeSmallest(Span<Run> merged)
    {
        var count = merged.Length;
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
            var joined = Join(merged[left], merged[right]);
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

    /// <summary>
    /// A segment while the picture is made: a value, so that a million regions are not a million objects twice; the
    /// kind after the numbers and as a byte, 24 bytes rather than 32.
    /// </summary>
    private readonly struct Run(ulong start, ulong end, int regions, RegionKind kind, bool gapBefore)
    {
        public ulong Start { get; } = start;

        public ulong End { get; } = end;

        public int Regions { get; } = regions;

        private readonly byte _kind = (byte)kind;

        public bool GapBefore { get; } = gapBefore;

        public RegionKind Kind => (RegionKind)_kind;

        public ulong Size => End - Start;

        public LayoutSegment ToSegment() => new(Kind, Start, End, Regions, GapBefore);
    }
}

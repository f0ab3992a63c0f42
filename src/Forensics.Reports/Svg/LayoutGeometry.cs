namespace Forensics.Reports.Svg;

/// <summary>
/// Where the segments of a layout picture lie across the SVG canvas, and where any address falls among them. A segment
/// is <see cref="LayoutPicture.Width"/> units wide and a gap a fixed width; when the whole is wider than
/// <see cref="LayoutSvgWriter.MaximumWidth"/> every position is scaled down, in integers so the same input gives the same bytes.
/// </summary>
internal sealed class LayoutGeometry
{
    public const int Margin = 8;
    private const int MinimumWidth = 400, Unit = 12, GapWidth = 8;

    private readonly IReadOnlyList<LayoutSegment> _segments;
    private readonly int[] _left, _right;
    private readonly int?[] _gapBefore;

    /// <param name="segments">The picture's segments, low to high.</param>
    /// <param name="marked">Addresses to be marked: one below the lowest segment or above the highest gets a gap of its own there.</param>
    public LayoutGeometry(IReadOnlyList<LayoutSegment> segments, IReadOnlyCollection<ulong> marked)
    {
        _segments = segments;
        _left = new int[segments.Count];
        _right = new int[segments.Count];
        _gapBefore = new int?[segments.Count];
        if (segments.Count == 0)
        {
            Width = MinimumWidth;
            return;
        }
        var leading = marked.Any(a => a < segments[0].Start);
        var trailing = marked.Any(a => a >= segments[^1].End);
        long total = (leading ? GapWidth : 0) + (trailing ? GapWidth : 0)
            + segments.Sum(s => (long)LayoutPicture.Width(s) * Unit + (s.GapBefore ? GapWidth : 0));
        long inner = Math.Min(total, LayoutSvgWriter.MaximumWidth - 2 * Margin);
        int Scale(long natural) => Margin + (int)(natural * inner / total);

        long position = 0;
        if (leading)
        {
            LeadingGap = Scale(position + GapWidth / 2);
            position += GapWidth;
        }
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i].GapBefore)
            {
                _gapBefore[i] = Scale(position + GapWidth / 2);
                position += GapWidth;
            }
            _left[i] = Scale(position);
            position += LayoutPicture.Width(segments[i]) * Unit;
            _right[i] = Scale(position);
        }
        if (trailing)
            TrailingGap = Scale(position + GapWidth / 2);
        Width = Math.Max(MinimumWidth, (int)inner + 2 * Margin);
    }

    public int Width { get; }

    /// <summary>The x of the gap line below the lowest segment, drawn only for a marked address down there.</summary>
    public int? LeadingGap { get; }

    /// <summary>The x of the gap line above the highest segment, drawn only for a marked address up there.</summary>
    public int? TrailingGap { get; }

    public int Left(int segment) => _left[segment];

    public int Right(int segment) => _right[segment];

    /// <summary>The x of the gap line before a segment, or null when it adjoins the one below.</summary>
    public int? GapBefore(int segment) => _gapBefore[segment];

    /// <summary>
    /// The x of an address: in proportion inside the segment holding it, or on the line of the gap it lies in
    /// (<paramref name="inSegment"/> false), since gaps are drawn compressed.
    /// </summary>
    public int X(ulong address, out bool inSegment)
    {
        var index = LastStartingAtOrBelow(address);
        inSegment = index >= 0 && address < _segments[index].End;
        if (index < 0)
            return LeadingGap ?? (_segments.Count > 0 ? _left[0] : Margin);
        var segment = _segments[index];
        if (inSegment)
            return _left[index] + (int)((UInt128)(address - segment.Start) * (uint)(_right[index] - _left[index]) / segment.Size);
        if (index + 1 < _segments.Count)
            return _gapBefore[index + 1] ?? _left[index + 1];
        return TrailingGap ?? _right[index];
    }

    private int LastStartingAtOrBelow(ulong address)
    {
        int low = 0, high = _segments.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            if (_segments[middle].Start <= address)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return found;
    }
}

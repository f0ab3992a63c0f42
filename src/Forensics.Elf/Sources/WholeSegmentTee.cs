namespace Forensics.Elf.Sources;

/// <summary>
/// The bytes of whole segments gathered while a forward-only stream is read for its headers and pages: every chunk
/// the reader reads or skips is copied into the ranges it falls in. The ranges are those a reader keeping whole
/// segments would read, so what is kept is the same, without a second pass over the stream. The ranges lie one after
/// the other in one buffer of <see cref="SegmentBuffers"/>, which the <see cref="RetainedByteSource"/> made of them gives
/// back when disposed.
/// </summary>
internal sealed class WholeSegmentTee
{
    private readonly (ulong Start, ulong End)[] _ranges;
    /// <summary>Where each range starts in the buffer.</summary>
    private readonly int[] _at;
    private readonly int[] _filled;
    private readonly int _total;
    private byte[]? _buffer;

    private WholeSegmentTee((ulong Start, ulong End)[] ranges)
    {
        _ranges = ranges;
        _at = new int[ranges.Length];
        _filled = new int[ranges.Length];
        for (var index = 0; index < ranges.Length; index++)
        {
            _at[index] = _total;
            _total += (int)(ranges[index].End - ranges[index].Start);
        }
    }

    /// <summary>
    /// A tee for <paramref name="wanted"/> from <paramref name="position"/> on (what comes before was read already), or
    /// null when their bytes are more than <paramref name="bound"/>.
    /// </summary>
    public static WholeSegmentTee? For(List<(ulong Start, ulong End)> wanted, ulong position, long bound)
    {
        wanted.Sort();
        var ranges = new List<(ulong Start, ulong End)>();
        ulong total = 0;
        foreach (var (start, end) in ForwardStreamReader.Merge(wanted))
        {
            var from = Math.Max(start, position);
            if (from >= end)
                continue;
            total += end - from;
            if (total > (ulong)Math.Min(bound, Array.MaxLength))
                return null;
            ranges.Add((from, end));
        }
        return new WholeSegmentTee([.. ranges]);
    }

    /// <summary>Copies what of <paramref name="chunk"/>, read at <paramref name="position"/>, lies in the ranges.</summary>
    public void Keep(ulong position, ReadOnlySpan<byte> chunk)
    {
        var chunkEnd = position + (ulong)chunk.Length;
        for (var index = FirstEndingAfter(position); index < _ranges.Length && _ranges[index].Start < chunkEnd; index++)
        {
            var (start, end) = _ranges[index];
            var from = Math.Max(start, position);
            var to = Math.Min(end, chunkEnd);
            // Taken when the first byte arrives, so a stream that ends before the segments takes nothing.
            _buffer ??= SegmentBuffers.Rent(_total);
            chunk[(int)(from - position)..(int)(to - position)].CopyTo(_buffer.AsSpan(_at[index] + (int)(from - start)));
            _filled[index] = (int)(to - start);
        }
    }

    /// <summary>The buffer the ranges are in; null when the stream reached none.</summary>
    public byte[]? Buffer => _buffer;

    /// <summary>The ranges as read: those the stream reached, each cut where the stream ended.</summary>
    public IEnumerable<(ulong Offset, ReadOnlyMemory<byte> Bytes)> Kept()
    {
        for (var index = 0; index < _ranges.Length; index++)
        {
            if (_buffer is null || _filled[index] == 0)
                continue;
            yield return (_ranges[index].Start, _buffer.AsMemory(_at[index], _filled[index]));
        }
    }

    private int FirstEndingAfter(ulong position)
    {
        int low = 0, high = _ranges.Length;
        while (low < high)
        {
            var mid = low + ((high - low) >> 1);
            if (_ranges[mid].End <= position) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}

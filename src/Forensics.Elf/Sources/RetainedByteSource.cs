namespace Forensics.Elf.Sources;

/// <summary>
/// The parts of a forward-only stream that were kept while it was read once: sorted, non-overlapping
/// ranges. Reads outside them return nothing, as for bytes past the end of a file. Disposing it gives the buffer of
/// <see cref="SegmentBuffers"/> it reads from back for the next core; it reads nothing after that.
/// </summary>
public sealed class RetainedByteSource : IByteSource, IDisposable
{
    private readonly List<(ulong Offset, ReadOnlyMemory<byte> Bytes)> _ranges;
    private byte[]? _pooled;

    internal RetainedByteSource(List<(ulong Offset, ReadOnlyMemory<byte> Bytes)> ranges, long? length, byte[]? pooled = null)
    {
        _ranges = ranges;
        Length = length;
        _pooled = pooled;
    }

    /// <summary>The stream length when its end was reached; null when reading stopped before the end.</summary>
    public long? Length { get; }

    /// <summary>Bytes kept in memory.</summary>
    public long RetainedBytes => _ranges.Sum(r => (long)r.Bytes.Length);

    public int Read(ulong offset, Span<byte> buffer)
    {
        int low = 0, high = _ranges.Count - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) >> 1);
            if (_ranges[mid].Offset <= offset) low = mid + 1;
            else high = mid - 1;
        }
        var total = 0;
        for (var index = high; index >= 0 && index < _ranges.Count && total < buffer.Length; index++)
        {
            var (start, bytes) = _ranges[index];
            var at = offset + (ulong)total;
            if (at < start || at - start >= (ulong)bytes.Length)
                break;
            var count = Math.Min(bytes.Length - (int)(at - start), buffer.Length - total);
            bytes.Span.Slice((int)(at - start), count).CopyTo(buffer[total..]);
            total += count;
        }
        return total;
    }

    public void Dispose()
    {
        if (_pooled is null)
            return;
        _ranges.Clear();
        SegmentBuffers.Return(_pooled);
        _pooled = null;
    }
}

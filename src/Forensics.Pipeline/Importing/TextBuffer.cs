using System.Buffers;
using System.Runtime.InteropServices;

namespace Forensics.Pipeline.Importing;

/// <summary>
/// The bytes of one text input while its captures are made. Up to <see cref="PooledBytes"/> they come from the shared
/// pool (a batch of thousands of text files otherwise allocates each on the large object heap); a larger text lives
/// outside the collected heap and is freed, its pages given back to the system, as soon as it is disposed. As a plain
/// array, a 2,000,000-line maps kept its 98 MB resident through the analysis and the writing of every report, where
/// the collector had no reason to give them back; the pool, which keeps what is returned to it for the rest of the
/// run, had kept one 256 MiB text's bytes and characters (768 MiB). The large text starts on a page, so that the pages
/// the parse has passed can be given back while it goes on (<see cref="Release"/>): a 2,000,000-line maps
/// otherwise held its 98 MB beside the 160 MB of regions made from it.
/// </summary>
internal sealed unsafe partial class TextBuffer : MemoryManager<byte>
{
    /// <summary><c>MADV_DONTNEED</c>: the pages are dropped, and read as zeros if touched again.</summary>
    private const int DontNeed = 4;

    /// <summary>A power of two, so that what the pool rents for a length within it is within it too.</summary>
    private const int PooledBytes = 1 << 22;

    private byte[]? _pooled;
    private byte* _native;
    /// <summary>For each range's start given to <see cref="Release"/>, where what was given back of it ends.</summary>
    private readonly Dictionary<int, int> _releasedUpTo = [];

    public TextBuffer(int length)
    {
        if (length <= PooledBytes)
        {
            _pooled = ArrayPool<byte>.Shared.Rent(length);
            Length = _pooled.Length;
        }
        else
        {
            _native = (byte*)NativeMemory.AlignedAlloc((nuint)length, (nuint)Environment.SystemPageSize);
            Length = length;
        }
    }

    public int Length { get; }

    /// <summary>
    /// Gives the system back the whole pages from <paramref name="start"/> to <paramref name="end"/>, which the caller
    /// never reads again (they would read as zeros); a range given again with the same start and a later end gives back
    /// only what it adds. Only the large text's, on Linux; a pooled array stays as it is. Pieces of the text parsed on
    /// several threads each give back their own range.
    /// </summary>
    public void Release(int start, int end)
    {
        if (_native is null || !OperatingSystem.IsLinux())
            return;
        var page = Environment.SystemPageSize;
        lock (_releasedUpTo)
        {
            var from = _releasedUpTo.TryGetValue(start, out var released) ? released : (int)Math.Min(((long)start + page - 1) / page * page, Length);
            var to = (int)Math.Min(end, Length) / page * page;
            if (to <= from)
                return;
            // Advice only: if the system declines, the pages stay until the text is freed, as before.
            _ = Advise(_native + from, (nuint)(to - from), DontNeed);
            _releasedUpTo[start] = to;
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Advise(byte* address, nuint length, int advice);

    public override Span<byte> GetSpan() => _pooled ?? new Span<byte>(_native, Length);

    public override MemoryHandle Pin(int elementIndex = 0) =>
        _pooled is { } array ? new Memory<byte>(array)[elementIndex..].Pin() : new MemoryHandle(_native + elementIndex);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (_pooled is { } array)
            ArrayPool<byte>.Shared.Return(array);
        NativeMemory.AlignedFree(_native);
        _pooled = null;
        _native = null;
    }
}

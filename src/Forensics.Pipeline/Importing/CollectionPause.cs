namespace Forensics.Pipeline.Importing;

/// <summary>
/// Holds the collector off while the captures of a large text are made. Nearly all that such a parse allocates is kept
/// to the end of the run (a region a line), so each collection during it only copied live objects from one generation
/// to the next: the 2,000,000-line maps went through 16 collections and 6 background ones that marked the whole heap,
/// a quarter of the run's CPU, and then none after it. One pause at a time in the process, and advice only: when the
/// runtime declines, or the allocations of every thread pass the amount asked for, the collector works as it would.
/// </summary>
internal sealed class CollectionPause : IDisposable
{
    /// <summary>Below this a text's parse is short, and the pause's own collection at its start would cost more than it saves.</summary>
    public const int MinimumTextBytes = 16 << 20;

    /// <summary>
    /// What a parse may allocate for each byte of text: a maps line of 49 bytes makes an 80-byte region and two list
    /// slots (its piece's and the joined list's).
    /// </summary>
    private const int BytesPerTextByte = 2;

    private static int s_held;

    private bool _holding;

    private CollectionPause(bool holding) => _holding = holding;

    /// <summary>Whether this pause asked the collector to hold off (it may have resumed since, if the amount was passed).</summary>
    public bool Holding => _holding;

    /// <summary>A pause for the parse of <paramref name="textBytes"/> bytes of text; a pause that holds nothing for a short text.</summary>
    public static CollectionPause For(long textBytes)
    {
        if (textBytes < MinimumTextBytes || Interlocked.CompareExchange(ref s_held, 1, 0) != 0)
            return new CollectionPause(false);
        try
        {
            if (GC.TryStartNoGCRegion(textBytes * BytesPerTextByte))
                return new CollectionPause(true);
        }
        catch (Exception refused) when (refused is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // More than the runtime allows at once, or a pause begun elsewhere: collections as usual.
        }
        Volatile.Write(ref s_held, 0);
        return new CollectionPause(false);
    }

    public void Dispose()
    {
        if (!_holding)
            return;
        _holding = false;
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The allocations passed the amount and the collector ran: the pause had ended already.
        }
        finally
        {
            Volatile.Write(ref s_held, 0);
        }
    }
}

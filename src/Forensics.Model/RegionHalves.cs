namespace Forensics.Model;

/// <summary>
/// A pass over the regions of one very large capture (a maps of millions of lines) done in two halves on two threads:
/// normalising and analysing one capture otherwise keeps one core busy while the other waits.
/// </summary>
public static class RegionHalves
{
    /// <summary>Fewer regions than this stay in one piece: handing half of them to another thread costs more than it saves.</summary>
    public const int MinimumCount = 1 << 18;

    /// <summary>From how many regions on a pass splits: <see cref="MinimumCount"/>, or what a test set.</summary>
    private static int s_splitFrom = MinimumCount;

    /// <summary>Where to split <paramref name="count"/> regions into two halves; 0 when they stay in one piece.</summary>
    public static int Middle(int count) => count >= Volatile.Read(ref s_splitFrom) && count > 1 ? count / 2 : 0;

    /// <summary>
    /// Until disposed, every pass splits from <paramref name="count"/> regions on: what a test uses to compare both ways
    /// on the corpus's small captures (a split gives the same result, so other work meanwhile is only slower).
    /// </summary>
    internal static IDisposable SplittingFrom(int count)
    {
        var before = Interlocked.Exchange(ref s_splitFrom, count);
        return new Restore(() => Volatile.Write(ref s_splitFrom, before));
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    /// <summary>
    /// The results of <paramref name="work"/> over the regions <c>[0, split)</c> and <c>[split, count)</c>, run at once,
    /// in that order; of one call over all of them when <paramref name="split"/> is 0 or <paramref name="count"/>.
    /// </summary>
    public static T[] Run<T>(int split, int count, Func<int, int, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (split <= 0 || split >= count)
            return [work(0, count)];
        var results = new T[2];
        Parallel.Invoke(() => results[0] = work(0, split), () => results[1] = work(split, count));
        return results;
    }
}

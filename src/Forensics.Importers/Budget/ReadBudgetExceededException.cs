namespace Forensics.Importers.Budget;

/// <summary>
/// Thrown at a checkpoint when the current <see cref="ReadBudget"/> is spent. Not an input error and not a bug: the
/// caller that started the budget catches it and reports the input as stopped; nothing below that caller does.
/// </summary>
public sealed class ReadBudgetExceededException : Exception
{
    public ReadBudgetExceededException(ReadBudgetLimit limit, TimeSpan elapsed, long allocatedBytes, int? line, ulong? offset)
        : base(limit == ReadBudgetLimit.Time ? "The read took longer than its time limit." : "The read allocated more than its allocation limit.")
    {
        Limit = limit;
        Elapsed = elapsed;
        AllocatedBytes = allocatedBytes;
        Line = line;
        Offset = offset;
    }

    public ReadBudgetLimit Limit { get; }
    /// <summary>Time since the budget started, when the checkpoint stopped the read.</summary>
    public TimeSpan Elapsed { get; }
    /// <summary>Bytes the thread had allocated since the budget started.</summary>
    public long AllocatedBytes { get; }
    /// <summary>The 1-based line of the input where the read stopped, for text.</summary>
    public int? Line { get; }
    /// <summary>The byte offset where the read stopped: in the file, or in its decompressed content.</summary>
    public ulong? Offset { get; }
}

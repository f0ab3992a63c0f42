using Forensics.Elf;

namespace Forensics.Importers.Budget;

/// <summary>
/// A CPU-time and allocation budget for reading one input on the current thread. Long loops pass checkpoints
/// (<see cref="CheckAtLine"/>, <see cref="CheckAtOffset"/>, <see cref="Check"/>) every few thousand lines or entries,
/// and streamed reads after every chunk (a chunk of up to 64 KiB costs far more than a check); once the
/// budget started by <see cref="Start"/> is spent, the next checkpoint throws <see cref="ReadBudgetExceededException"/>.
/// </summary>
/// <remarks>
/// The ELF reader and the core importer are given the budget explicitly, as their <see cref="IReadCheckpoint"/>. For
/// the text parsers, decompression and hashing it is still ambient and per thread, so readers deep in the stack need
/// no extra parameter, and inputs imported in parallel each have their own; allocation is what <see cref="GC.GetAllocatedBytesForCurrentThread"/> counts,
/// which is per thread too. Work that passes no checkpoint (a blocking read, a library call) is not stopped.
/// With no budget started a checkpoint costs one thread-static read.
/// </remarks>
public sealed class ReadBudget : IReadCheckpoint, IDisposable
{
    /// <summary>Text lines between two checkpoints.</summary>
    public const int LinesPerCheck = 4096;
    /// <summary>Table entries (program headers, notes, NT_FILE entries) between two checkpoints.</summary>
    public const int EntriesPerCheck = ReadCheckpoints.EntriesPerCheck;

    [ThreadStatic]
    private static ReadBudget? t_current;

    private readonly ReadBudget? _outer;
    private readonly TimeProvider _clock;
    private readonly long _startTimestamp;
    private readonly long _startAllocatedBytes;
    private bool _ended;

    private ReadBudget(TimeSpan timeLimit, long allocationLimit, TimeProvider clock)
    {
        TimeLimit = timeLimit;
        AllocationLimit = allocationLimit;
        _clock = clock;
        _outer = t_current;
        _startTimestamp = clock.GetTimestamp();
        _startAllocatedBytes = GC.GetAllocatedBytesForCurrentThread();
    }

    /// <summary>How long the read may take; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</summary>
    public TimeSpan TimeLimit { get; }

    /// <summary>How many bytes the thread may allocate during the read; <see cref="long.MaxValue"/> for no limit.</summary>
    public long AllocationLimit { get; }

    /// <summary>
    /// Starts a budget for the current thread until the returned budget is disposed (on the same thread), which
    /// restores the budget that was current before. <paramref name="clock"/> measures time (by default the thread's CPU
    /// time, <see cref="ThreadCpuClock"/>, so a busy machine does not make a read run out of time).
    /// </summary>
    public static ReadBudget Start(TimeSpan timeLimit, long allocationLimit, TimeProvider? clock = null)
    {
        if (timeLimit <= TimeSpan.Zero && timeLimit != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(timeLimit), timeLimit, "The time limit must be positive or infinite.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(allocationLimit);
        var budget = new ReadBudget(timeLimit, allocationLimit, clock ?? ThreadCpuClock.Instance);
        t_current = budget;
        return budget;
    }

    /// <summary>A checkpoint at a 1-based line of text.</summary>
    public static void CheckAtLine(int line) => t_current?.Spend(line, null);

    /// <summary>A checkpoint at a byte offset (of the file, or of its decompressed content).</summary>
    public static void CheckAtOffset(ulong offset) => t_current?.Spend(null, offset);

    /// <summary>A checkpoint with no position to report.</summary>
    public static void Check() => t_current?.Spend(null, null);

    void IReadCheckpoint.Check(ulong? offset) => Spend(null, offset);

    private void Spend(int? line, ulong? offset)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread() - _startAllocatedBytes;
        if (allocated > AllocationLimit)
            throw new ReadBudgetExceededException(ReadBudgetLimit.Allocation, _clock.GetElapsedTime(_startTimestamp), allocated, line, offset);
        if (TimeLimit == Timeout.InfiniteTimeSpan)
            return;
        var elapsed = _clock.GetElapsedTime(_startTimestamp);
        if (elapsed > TimeLimit)
            throw new ReadBudgetExceededException(ReadBudgetLimit.Time, elapsed, allocated, line, offset);
    }

    public void Dispose()
    {
        if (_ended)
            return;
        _ended = true;
        if (ReferenceEquals(t_current, this))
            t_current = _outer;
    }
}

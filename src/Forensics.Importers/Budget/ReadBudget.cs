using Forensics.Elf;

namespace Forensics.Importers.Budget;

/// <summary>
/// A CPU-time and allocation budget for reading one input on the thread that started it. Whoever reads the input is
/// given the budget and passes its checkpoints (<see cref="CheckAtLine"/>, <see cref="CheckAtOffset"/>,
/// <see cref="Check"/>) every few thousand lines or entries, and streamed reads after every chunk (a chunk of up to
/// 64 KiB costs far more than a check); once the budget is spent, the next checkpoint throws
/// <see cref="ReadBudgetExceededException"/>, which the one who started the budget catches.
/// </summary>
/// <remarks>
/// The budget is passed explicitly, never found from the thread: the ELF reader and the core importer take it as their
/// <see cref="IReadCheckpoint"/>, the text parsers, container readers and decompression as a <see cref="ReadBudget"/>
/// (a text checkpoint reports a line). Allocation is what <see cref="GC.GetAllocatedBytesForCurrentThread"/> counts, so
/// a budget is checked on the thread that started it; inputs imported in parallel each have their own, and a helper
/// thread that reads part of one input (a large maps parsed in pieces) checks a <see cref="Share"/> of its budget, which
/// adds that thread's allocations and time to the same totals. Work that passes
/// no checkpoint (a blocking read, a library call) is not stopped. A reader given no budget uses <see cref="Unlimited"/>,
/// whose checkpoints return at once.
/// </remarks>
public sealed class ReadBudget : IReadCheckpoint
{
    /// <summary>Text lines between two checkpoints.</summary>
    public const int LinesPerCheck = 4096;
    /// <summary>Table entries (program headers, notes, NT_FILE entries) between two checkpoints.</summary>
    public const int EntriesPerCheck = ReadCheckpoints.EntriesPerCheck;

    private readonly TimeProvider _clock;
    private readonly long _startTimestamp;
    private readonly long _startAllocatedBytes;
    private readonly bool _unlimited;
    private readonly CancellationToken _cancellation;
    /// <summary>What every thread reading the input has spent, shared by a budget and its <see cref="Share"/>s.</summary>
    private readonly Spending _spent;
    /// <summary>What this thread has added to <see cref="_spent"/> so far.</summary>
    private long _addedBytes;
    private long _addedTicks;

    private ReadBudget(TimeSpan timeLimit, long allocationLimit, TimeProvider clock, CancellationToken cancellation = default, Spending? spent = null)
    {
        _spent = spent ?? new Spending();
        TimeLimit = timeLimit;
        _cancellation = cancellation;
        AllocationLimit = allocationLimit;
        _clock = clock;
        _unlimited = timeLimit == Timeout.InfiniteTimeSpan && allocationLimit == long.MaxValue;
        _startTimestamp = clock.GetTimestamp();
        _startAllocatedBytes = GC.GetAllocatedBytesForCurrentThread();
    }

    /// <summary>A budget that never runs out: the checkpoint of a read nobody limits (tests, tools, a library caller).</summary>
    public static ReadBudget Unlimited { get; } = new(Timeout.InfiniteTimeSpan, long.MaxValue, TimeProvider.System);

    /// <summary>How long the read may take; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</summary>
    public TimeSpan TimeLimit { get; }

    /// <summary>How many bytes the thread may allocate during the read; <see cref="long.MaxValue"/> for no limit.</summary>
    public long AllocationLimit { get; }

    /// <summary>
    /// Starts a budget on the current thread, measured from now. <paramref name="clock"/> measures time (by default the
    /// thread's CPU time, <see cref="ThreadCpuClock"/>, so a busy machine does not make a read run out of time). A
    /// requested <paramref name="cancellation"/> ends the read at its next checkpoint with an <see cref="OperationCanceledException"/>.
    /// </summary>
    public static ReadBudget Start(TimeSpan timeLimit, long allocationLimit, TimeProvider? clock = null, CancellationToken cancellation = default)
    {
        if (timeLimit <= TimeSpan.Zero && timeLimit != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(timeLimit), timeLimit, "The time limit must be positive or infinite.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(allocationLimit);
        return new ReadBudget(timeLimit, allocationLimit, clock ?? ThreadCpuClock.Instance, cancellation);
    }

    /// <summary>
    /// The budget of a helper thread reading part of the same input, started on that thread (call it there): its
    /// checkpoints add the thread's allocations and time (summed, as CPU time is) to this budget's, and throw once the
    /// sum passes a limit, as do this budget's own.
    /// </summary>
    public ReadBudget Share() => _unlimited ? this : new ReadBudget(TimeLimit, AllocationLimit, _clock, _cancellation, _spent);

    /// <summary>A checkpoint at a 1-based line of text.</summary>
    public void CheckAtLine(int line) => Spend(line, null);

    /// <summary>A checkpoint at a byte offset (of the file, or of its decompressed content).</summary>
    public void CheckAtOffset(ulong offset) => Spend(null, offset);

    /// <summary>A checkpoint with no position to report.</summary>
    public void Check() => Spend(null, null);

    void IReadCheckpoint.Check(ulong? offset) => Spend(null, offset);

    private void Spend(int? line, ulong? offset)
    {
        _cancellation.ThrowIfCancellationRequested();
        if (_unlimited)
            return;
        var allocated = Add(ref _spent.Bytes, ref _addedBytes, GC.GetAllocatedBytesForCurrentThread() - _startAllocatedBytes);
        if (allocated > AllocationLimit)
            throw new ReadBudgetExceededException(ReadBudgetLimit.Allocation, Elapsed(), allocated, line, offset);
        if (TimeLimit == Timeout.InfiniteTimeSpan)
            return;
        var elapsed = Elapsed();
        if (elapsed > TimeLimit)
            throw new ReadBudgetExceededException(ReadBudgetLimit.Time, elapsed, allocated, line, offset);
    }

    private TimeSpan Elapsed() => TimeSpan.FromTicks(Add(ref _spent.Ticks, ref _addedTicks, _clock.GetElapsedTime(_startTimestamp).Ticks));

    /// <summary>Adds what this thread spent since it last added to <paramref name="total"/>; the new total.</summary>
    private static long Add(ref long total, ref long added, long own)
    {
        var more = own - added;
        added = own;
        return Interlocked.Add(ref total, more);
    }

    private sealed class Spending
    {
        public long Bytes;
        public long Ticks;
    }
}

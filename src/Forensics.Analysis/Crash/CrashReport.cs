using Forensics.Analysis.Text;

namespace Forensics.Analysis.Crash;

/// <summary>The crash analysis of one core.</summary>
public sealed record CrashReport
{
    public required CrashVerdict Verdict { get; init; }
    /// <summary>The verdict in plain words, one sentence.</summary>
    public required Sentence Summary { get; init; }
    /// <summary>The facts that led to the verdict, one per line.</summary>
    public IReadOnlyList<Sentence> Evidence { get; init; } = [];
    /// <summary>Stable across runs: signal + module + offset of the PC, ASLR removed (<c>SIGSEGV crash_null+0x16f3</c>).</summary>
    public Sentence Signature { get; init; } = Sentence.Empty;
    /// <summary>The message glibc kept for abort() (<c>free(): double free detected in tcache 2</c>), where the core holds it.</summary>
    public string? AbortMessage { get; init; }
    public int? SignalNumber { get; init; }
    public string? SignalName { get; init; }
    public int? SignalCode { get; init; }
    public string? SignalCodeName { get; init; }
    public ulong? FaultAddress { get; init; }
    /// <summary>si_pid of a signal sent by a process (si_code ≤ 0).</summary>
    public int? SenderPid { get; init; }
    /// <summary>The thread that took the signal, where known.</summary>
    public int? CrashingThreadId { get; init; }
    /// <summary>Where the fault address points (<c>unmapped</c>, <c>[stack]+0x10</c>); null without a fault address.</summary>
    public Sentence? FaultLocation { get; init; }
    /// <summary>The crashing thread first, then the others by TID.</summary>
    public IReadOnlyList<ThreadLocation> Threads { get; init; } = [];
}

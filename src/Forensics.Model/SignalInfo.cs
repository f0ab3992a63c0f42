namespace Forensics.Model;

/// <summary>The signal that ended the process (NT_SIGINFO, or NT_PRSTATUS where there is none).</summary>
public sealed record SignalInfo
{
    public required int Number { get; init; }
    /// <summary>si_code; null when the core has no NT_SIGINFO, as NT_PRSTATUS never holds it.</summary>
    public int? Code { get; init; }
    /// <summary>si_errno; null when the core has no NT_SIGINFO.</summary>
    public int? Errno { get; init; }
    /// <summary>si_addr for SIGSEGV/SIGBUS/SIGILL/SIGFPE.</summary>
    public ulong? FaultAddress { get; init; }
    /// <summary>si_pid for kill/tkill/sigqueue (si_code ≤ 0).</summary>
    public int? SenderPid { get; init; }
    public int? SenderUid { get; init; }
    /// <summary>The TID of the thread that received it, where known.</summary>
    public int? ThreadId { get; init; }
}

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

    /// <summary>
    /// Why fields the siginfo seems to hold are unknown: its producer never fills them in (createdump writes no sender,
    /// and a 0 si_code where the runtime passed none). Null when every field is as recorded, or there is no siginfo.
    /// </summary>
    public string? UnknownReason { get; init; }

    /// <summary>
    /// Whether si_addr is a fault address for this signal: SIGILL, SIGTRAP, SIGBUS, SIGFPE and SIGSEGV raised by the
    /// kernel for an instruction or an access (si_code &gt; 0 and not SI_KERNEL, or not recorded). SIGABRT, SIGKILL,
    /// SIGSTOP, a trap with SI_KERNEL and any signal a process sent have none.
    /// </summary>
    public static bool CarriesFaultAddress(int number, int? code) =>
        number is 4 or 5 or 7 or 8 or 11 && code is null or (> 0 and not 0x80);
}

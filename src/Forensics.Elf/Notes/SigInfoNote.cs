namespace Forensics.Elf.Notes;

/// <summary>NT_SIGINFO (siginfo_t), i386 or x86_64 layout (docs/formats.md#nt_siginfo).</summary>
public sealed record SigInfoNote
{
    public required int Number { get; init; }
    public required int Errno { get; init; }
    public required int Code { get; init; }
    /// <summary>si_addr: meaningful for SIGSEGV, SIGBUS, SIGILL, SIGFPE (and SIGTRAP) raised by the kernel.</summary>
    public required ulong Address { get; init; }
    /// <summary>si_pid / si_uid: meaningful when sent by a process (si_code ≤ 0) or for SIGCHLD.</summary>
    public required int SenderPid { get; init; }
    public required int SenderUid { get; init; }

    /// <summary>si_code ≤ 0: kill, tkill, sigqueue, so si_pid names the sender.</summary>
    public bool IsSentByProcess => Code <= 0;

    public static SigInfoNote? Parse(ReadOnlySpan<byte> desc, bool is64)
    {
        var union = is64 ? 16 : 12;
        if (desc.Length < union + 8)
            return null;
        return new SigInfoNote
        {
            Number = LittleEndian.I32(desc, 0),
            Errno = LittleEndian.I32(desc, 4),
            Code = LittleEndian.I32(desc, 8),
            Address = LittleEndian.Word(desc, union, is64),
            SenderPid = LittleEndian.I32(desc, union),
            SenderUid = LittleEndian.I32(desc, union + 4),
        };
    }
}

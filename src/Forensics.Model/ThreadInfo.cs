namespace Forensics.Model;

/// <summary>One thread of a core: its id, the signal it stopped with, and its registers.</summary>
public sealed class ThreadInfo
{
    public required int Tid { get; init; }
    /// <summary>pr_cursig (or the thread's NT_SIGINFO signal in gdb cores).</summary>
    public int Signal { get; init; }
    public ulong ProgramCounter { get; init; }
    public ulong StackPointer { get; init; }
    public ulong FramePointer { get; init; }
    /// <summary>fs_base on x86_64; the TLS base from NT_386_TLS on i386, where found.</summary>
    public ulong? ThreadPointer { get; init; }
    /// <summary>The thread that took the fatal signal (the first NT_PRSTATUS of a kernel core).</summary>
    public bool IsCrashing { get; init; }
    /// <summary>Every general register by its name (rip, rsp, eax, ...), in the order of the register set.</summary>
    public IReadOnlyList<KeyValuePair<string, ulong>> Registers { get; init; } = [];
    public SourceLocation Location { get; init; }
    /// <summary>The thread's stack, innermost first, where it could be walked (cores of x86 and x86_64).</summary>
    public List<StackFrame> Frames { get; } = [];
}

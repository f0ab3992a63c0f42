namespace Forensics.Elf.Notes;

/// <summary>NT_PRSTATUS (struct elf_prstatus) of one thread, i386 or x86_64 layout (docs/formats.md#nt_prstatus).</summary>
public sealed record PrStatusNote
{
    public required int SignalNumber { get; init; }
    public required int SignalCode { get; init; }
    public required int SignalErrno { get; init; }
    public required int CurrentSignal { get; init; }
    public required ulong PendingSignals { get; init; }
    public required ulong HeldSignals { get; init; }
    /// <summary>pr_pid: the thread's id.</summary>
    public required int ThreadId { get; init; }
    public required int ParentPid { get; init; }
    public required int ProcessGroup { get; init; }
    public required int Session { get; init; }
    /// <summary>The general registers by name, in register-set order.</summary>
    public required IReadOnlyList<KeyValuePair<string, ulong>> Registers { get; init; }
    public required ulong ProgramCounter { get; init; }
    public required ulong StackPointer { get; init; }
    public required ulong FramePointer { get; init; }
    /// <summary>fs_base on x86_64; null on i386 (the TLS base comes from NT_386_TLS there).</summary>
    public ulong? FsBase { get; init; }
    /// <summary>xgs on i386 (the TLS selector).</summary>
    public ulong? GsSelector { get; init; }

    public const int Size32 = 144, Size64 = 336;

    private static readonly string[] Registers64 =
    [
        "r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9", "r8", "rax", "rcx", "rdx", "rsi", "rdi",
        "orig_rax", "rip", "cs", "eflags", "rsp", "ss", "fs_base", "gs_base", "ds", "es", "fs", "gs",
    ];

    private static readonly string[] Registers32 =
    [
        "ebx", "ecx", "edx", "esi", "edi", "ebp", "eax", "xds", "xes", "xfs", "xgs", "orig_eax", "eip", "xcs", "eflags", "esp", "xss",
    ];

    /// <summary>Decodes the note; null when the descriptor is shorter than the layout.</summary>
    public static PrStatusNote? Parse(ReadOnlySpan<byte> desc, bool is64)
    {
        if (desc.Length < (is64 ? Size64 : Size32))
            return null;
        var names = is64 ? Registers64 : Registers32;
        var start = is64 ? 112 : 72;
        var word = is64 ? 8 : 4;
        var registers = new KeyValuePair<string, ulong>[names.Length];
        for (var index = 0; index < names.Length; index++)
            registers[index] = new(names[index], LittleEndian.Word(desc, start + (index * word), is64));
        ulong Register(string name) => registers[Array.IndexOf(names, name)].Value;
        return new PrStatusNote
        {
            SignalNumber = LittleEndian.I32(desc, 0),
            SignalCode = LittleEndian.I32(desc, 4),
            SignalErrno = LittleEndian.I32(desc, 8),
            CurrentSignal = LittleEndian.I16(desc, 12),
            PendingSignals = LittleEndian.Word(desc, 16, is64),
            HeldSignals = LittleEndian.Word(desc, is64 ? 24 : 20, is64),
            ThreadId = LittleEndian.I32(desc, is64 ? 32 : 24),
            ParentPid = LittleEndian.I32(desc, is64 ? 36 : 28),
            ProcessGroup = LittleEndian.I32(desc, is64 ? 40 : 32),
            Session = LittleEndian.I32(desc, is64 ? 44 : 36),
            Registers = registers,
            ProgramCounter = Register(is64 ? "rip" : "eip"),
            StackPointer = Register(is64 ? "rsp" : "esp"),
            FramePointer = Register(is64 ? "rbp" : "ebp"),
            FsBase = is64 ? Register("fs_base") : null,
            GsSelector = is64 ? null : Register("xgs"),
        };
    }
}

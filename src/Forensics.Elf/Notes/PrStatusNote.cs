namespace Forensics.Elf.Notes;

/// <summary>NT_PRSTATUS (struct elf_prstatus) of one thread, i386, x86_64 or x32 layout (docs/formats.md#nt_prstatus).</summary>
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
    /// <summary>fs_base on x86_64 and x32; null on i386 (the TLS base comes from NT_386_TLS there).</summary>
    public ulong? FsBase { get; init; }
    /// <summary>xgs on i386 (the TLS selector).</summary>
    public ulong? GsSelector { get; init; }

    public const int Size32 = 144, Size64 = 336, SizeX32 = 296;

    private static readonly string[] Registers64 =
    [
        "r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9", "r8", "rax", "rcx", "rdx", "rsi", "rdi",
        "orig_rax", "rip", "cs", "eflags", "rsp", "ss", "fs_base", "gs_base", "ds", "es", "fs", "gs",
    ];

    private static readonly string[] Registers32 =
    [
        "ebx", "ecx", "edx", "esi", "edi", "ebp", "eax", "xds", "xes", "xfs", "xgs", "orig_eax", "eip", "xcs", "eflags", "esp", "xss",
    ];

    /// <summary>Decodes the note in the i386 or x86_64 layout; null when the descriptor is shorter than the layout.</summary>
    public static PrStatusNote? Parse(ReadOnlySpan<byte> desc, bool is64) => Parse(desc, is64 ? PrStatusLayout.X86_64 : PrStatusLayout.I386);

    /// <summary>The size of the note in <paramref name="layout"/>.</summary>
    public static int SizeOf(PrStatusLayout layout) => layout switch
    {
        PrStatusLayout.X86_64 => Size64,
        PrStatusLayout.X32 => SizeX32,
        _ => Size32,
    };

    /// <summary>Decodes the note; null when the descriptor is shorter than the layout.</summary>
    public static PrStatusNote? Parse(ReadOnlySpan<byte> desc, PrStatusLayout layout)
    {
        if (desc.Length < SizeOf(layout))
            return null;
        // The fields before pr_reg are 64-bit only in the x86_64 layout; the registers are 64-bit in x86_64 and x32.
        var fields64 = layout == PrStatusLayout.X86_64;
        var registers64 = layout != PrStatusLayout.I386;
        var names = registers64 ? Registers64 : Registers32;
        var start = fields64 ? 112 : 72;
        var word = registers64 ? 8 : 4;
        var registers = new KeyValuePair<string, ulong>[names.Length];
        for (var index = 0; index < names.Length; index++)
            registers[index] = new(names[index], LittleEndian.Word(desc, start + (index * word), registers64));
        ulong Register(string name) => registers[Array.IndexOf(names, name)].Value;
        return new PrStatusNote
        {
            SignalNumber = LittleEndian.I32(desc, 0),
            SignalCode = LittleEndian.I32(desc, 4),
            SignalErrno = LittleEndian.I32(desc, 8),
            CurrentSignal = LittleEndian.I16(desc, 12),
            PendingSignals = LittleEndian.Word(desc, 16, fields64),
            HeldSignals = LittleEndian.Word(desc, fields64 ? 24 : 20, fields64),
            ThreadId = LittleEndian.I32(desc, fields64 ? 32 : 24),
            ParentPid = LittleEndian.I32(desc, fields64 ? 36 : 28),
            ProcessGroup = LittleEndian.I32(desc, fields64 ? 40 : 32),
            Session = LittleEndian.I32(desc, fields64 ? 44 : 36),
            Registers = registers,
            ProgramCounter = Register(registers64 ? "rip" : "eip"),
            StackPointer = Register(registers64 ? "rsp" : "esp"),
            FramePointer = Register(registers64 ? "rbp" : "ebp"),
            FsBase = registers64 ? Register("fs_base") : null,
            GsSelector = registers64 ? null : Register("xgs"),
        };
    }
}

using Forensics.Elf;
using Forensics.Model;
using Forensics.Symbols.CallFrames;

namespace Forensics.Symbols.Unwinding;

/// <summary>
/// Walks one thread's stack, innermost first: CFI where a module's <c>.eh_frame</c> or <c>.debug_frame</c> covers the
/// PC, else the frame-pointer chain when it is valid (inside the stack, growing, returning into code), else a scan
/// for a word that follows a call instruction. Stops at the outermost frame (CFI marks the return address
/// undefined, or the frame is <c>_start</c>), at a PC of 0, at a stack pointer that does not grow (a cycle) or at <see cref="SymbolOptions.MaxFrames"/>.
/// </summary>
internal sealed class StackWalker
{
    private readonly IAddressSpace _memory;
    private readonly ProcessModules _modules;
    private readonly RegisterLayout _layout;
    private readonly SymbolOptions _options;

    private readonly IReadCheckpoint _checkpoint;

    /// <summary>The symbol of the ELF entry point in glibc's and musl's start files.</summary>
    private const string EntryPointSymbol = "_start";

    public StackWalker(IAddressSpace memory, ProcessModules modules, RegisterLayout layout, SymbolOptions options, IReadCheckpoint checkpoint)
    {
        _checkpoint = checkpoint;
        _memory = memory;
        _modules = modules;
        _layout = layout;
        _options = options;
    }

    /// <summary>The frames of a thread, and why the walk stopped early (null at the natural end).</summary>
    public (List<StackFrame> Frames, string? Stopped) Walk(ThreadInfo thread, (ulong Start, ulong End)? stack)
    {
        var frames = new List<StackFrame>();
        var registers = _layout.Initial(thread);
        var method = UnwindMethod.Context;
        var exactPc = true;
        while (true)
        {
            if (frames.Count % ReadCheckpoints.EntriesPerCheck == 0)
                _checkpoint.Check(null);
            if (registers[_layout.ProgramCounter] is not { } pc || registers[_layout.StackPointer] is not { } sp)
                return (frames, null);
            if (pc == 0)
                return (frames, null);
            var frame = _modules.Describe(pc, sp, method, exactPc);
            frames.Add(frame);
            if (frames.Count >= _options.MaxFrames)
                return (frames, $"the walk stopped at the limit of [{_options.MaxFrames}] frames");
            // The entry point has no caller. Old static binaries give it no CFI, and a scan above it would take a stale
            // word left by the dynamic loader or the kernel for a frame (elfutils' backtrace.i386 cores).
            if (frame.Function == EntryPointSymbol)
                return (frames, null);

            var step = ByCallFrameInformation(registers, pc, exactPc, out var outermost);
            if (outermost)
                return (frames, null);
            step ??= ByFramePointer(registers, sp, stack);
            step ??= ByScan(registers, sp, stack);
            if (step is null)
                return (frames, null);
            var callerSp = step.Registers[_layout.StackPointer];
            // A caller's frame lies above its callee's; a signal frame may switch stacks (sigaltstack), so it is exempt.
            if (callerSp is not { } next || (next <= sp && !step.CallerIsSignalFrame))
                return (frames, $"the walk stopped after [{frames.Count}] frames: the stack pointer does not grow from [0x{sp:x}] to [0x{callerSp ?? 0:x}]");
            _spare = registers;
            registers = step.Registers;
            method = step.Method;
            exactPc = step.CallerIsSignalFrame;
        }
    }

    private WalkStep? ByCallFrameInformation(ulong?[] registers, ulong pc, bool exactPc, out bool outermost)
    {
        outermost = false;
        // A return address points after the call, maybe past the end of the function: look up the call itself.
        var lookup = exactPc ? pc : pc - 1;
        if (_modules.Find(lookup) is not { } module)
            return null;
        var linkPc = lookup - module.Bias;
        var tables = module.CallFrameTables();
        for (var index = 0; index < tables.Count; index++)
        {
            if (RowAt(tables[index], index, lookup, linkPc) is not var (row, cie))
                continue;
            var step = Apply(row, cie, registers, tables[index], linkPc);
            if (step is null)
                continue;
            if (step.Registers[_layout.ProgramCounter] is null)
            {
                // The return address is undefined: the outermost frame (_start, clone3, start_thread's caller).
                outermost = true;
                return null;
            }
            return step;
        }
        return null;
    }

    /// <summary>
    /// Rows found so far, by runtime PC and table: a recursion unwinds through the same few PCs thousands of times. A
    /// lookup that met a malformed entry is not kept, so the table meets it again, as it would without the cache.
    /// </summary>
    private readonly Dictionary<(ulong Pc, int Table), (CallFrameRow Row, CommonInformationEntry Cie)?> _rows = [];

    /// <summary>The first malformed DW_CFA program, or DWARF expression stopped by its bounds, met in each table, said once per core.</summary>
    public Dictionary<ICallFrameTable, string> InstructionProblems { get; } = [];

    /// <summary>Enough for the distinct PCs of any real core; past it, rows are found without being kept.</summary>
    private const int MaxKeptRows = 1 << 16;

    private (CallFrameRow Row, CommonInformationEntry Cie)? RowAt(ICallFrameTable table, int index, ulong pc, ulong linkPc)
    {
        if (_rows.TryGetValue((pc, index), out var known))
            return known;
        var problem = table.Problem;
        string? instructionProblem = null;
        (CallFrameRow, CommonInformationEntry)? found = table.Find(linkPc) is { } fde && CallFrameProgram.RowAt(fde, linkPc, _layout.Is64, out instructionProblem) is { } row
            ? (row, fde.Cie)
            : null;
        if (instructionProblem is not null)
            InstructionProblems.TryAdd(table, $"the instructions for [0x{linkPc:x}] are malformed: {instructionProblem}");
        if (ReferenceEquals(problem, table.Problem) && _rows.Count < MaxKeptRows)
            _rows[(pc, index)] = found;
        return found;
    }

    private WalkStep? Apply(CallFrameRow row, CommonInformationEntry cie, ulong?[] registers, ICallFrameTable table, ulong linkPc)
    {
        ulong? Register(int number) => number >= 0 && number < registers.Length ? registers[number] : null;
        ulong? Evaluate(byte[] expression, ulong? initial)
        {
            var value = DwarfExpression.Evaluate(expression, Register, _memory, _layout.Is64, initial, out var stopped);
            if (stopped is not null)
                InstructionProblems.TryAdd(table, $"the DWARF expression for [0x{linkPc:x}] was stopped: {stopped}");
            return value;
        }
        ulong cfa;
        if (row.CfaExpression is { } expression)
        {
            if (Evaluate(expression, null) is not { } value)
                return null;
            cfa = value;
        }
        else
        {
            if (Register(row.CfaRegister) is not { } based)
                return null;
            cfa = Mask(based + (ulong)row.CfaOffset);
        }

        var caller = Spare(registers);
        caller[_layout.StackPointer] = cfa;
        var returnColumn = cie.ReturnAddressRegister;
        for (var number = 0; number < CallFrameRow.RegisterCount; number++)
        {
            var rule = row.Registers[number];
            ulong? value = rule.Kind switch
            {
                RegisterRuleKind.Unspecified or RegisterRuleKind.SameValue => registers[number],
                RegisterRuleKind.Undefined => null,
                RegisterRuleKind.Offset => ReadWord(Mask(cfa + (ulong)rule.Value)),
                RegisterRuleKind.ValueOffset => Mask(cfa + (ulong)rule.Value),
                RegisterRuleKind.Register => Register((int)rule.Value),
                RegisterRuleKind.Expression => Evaluate(rule.Expression!, cfa) is { } at ? ReadWord(at) : null,
                RegisterRuleKind.ValueExpression => Evaluate(rule.Expression!, cfa),
                _ => null,
            };
            if (number == _layout.StackPointer)
            {
                if (rule.Kind is not (RegisterRuleKind.Unspecified or RegisterRuleKind.SameValue))
                    caller[number] = value;
                continue;
            }
            caller[number] = value;
        }
        // The caller resumes at the return address: the value of the CIE's return-address column.
        caller[_layout.ProgramCounter] = returnColumn >= 0 && returnColumn < CallFrameRow.RegisterCount
            ? (row.Registers[returnColumn].Kind == RegisterRuleKind.Unspecified ? null : caller[returnColumn])
            : null;
        return new WalkStep(caller, UnwindMethod.Cfi, cie.IsSignalFrame);
    }

    private WalkStep? ByFramePointer(ulong?[] registers, ulong sp, (ulong Start, ulong End)? stack)
    {
        if (registers[_layout.FramePointer] is not { } framePointer || stack is not { } range)
            return null;
        var size = (ulong)_layout.PointerSize;
        if (framePointer < sp || framePointer % size != 0 || framePointer < range.Start || framePointer + 2 * size > range.End)
            return null;
        if (ReadWord(framePointer) is not { } savedFramePointer || ReadWord(framePointer + size) is not { } returnAddress)
            return null;
        // Frames are pushed downwards, so the chain must climb; 0 ends it (glibc's _start clears rbp).
        if (savedFramePointer != 0 && savedFramePointer <= framePointer)
            return null;
        if (!IsReturnAddress(returnAddress))
            return null;
        var caller = Spare(registers);
        Array.Clear(caller);
        caller[_layout.FramePointer] = savedFramePointer;
        caller[_layout.StackPointer] = framePointer + 2 * size;
        caller[_layout.ProgramCounter] = returnAddress;
        return new WalkStep(caller, UnwindMethod.FramePointer, false);
    }

    private WalkStep? ByScan(ulong?[] registers, ulong sp, (ulong Start, ulong End)? stack)
    {
        if (stack is not { } range || sp >= range.End)
            return null;
        var size = (ulong)_layout.PointerSize;
        var at = Math.Max(sp, range.Start);
        for (var words = 0; words < _options.MaxScanWords && at + size <= range.End; words++, at += size)
        {
            if (ReadWord(at) is not { } candidate)
                return null;
            if (!IsReturnAddress(candidate))
                continue;
            var caller = Spare(registers);
            caller[_layout.StackPointer] = at + size;
            caller[_layout.ProgramCounter] = candidate;
            return new WalkStep(caller, UnwindMethod.Scan, false);
        }
        return null;
    }

    /// <summary>
    /// Points into a module's executable mapping, right after a call instruction when the code bytes are at hand
    /// (a module file, or code pages in the core); without them the mapping is all that can be checked.
    /// </summary>
    private bool IsReturnAddress(ulong address)
    {
        if (_returnAddresses.TryGetValue(address, out var known))
            return known;
        var found = _modules.Find(address) is { } module && _modules.IsExecutable(address)
            && CallInstruction.EndsAt(address, (at, bytes) => module.ReadCode(at, bytes), _layout.Is64) is not false;
        if (_returnAddresses.Count < MaxKeptRows)
            _returnAddresses[address] = found;
        return found;
    }

    /// <summary>Words tested as return addresses so far: a frame-pointer chain through a recursion tests the same few thousands of times.</summary>
    private readonly Dictionary<ulong, bool> _returnAddresses = [];

    /// <summary>The registers of the frame before the last, free to take the next caller's: one array a frame was a third of a deep walk's allocation.</summary>
    private ulong?[]? _spare;

    /// <summary>A copy of <paramref name="registers"/> in the spare array (a new one when it is taken).</summary>
    private ulong?[] Spare(ulong?[] registers)
    {
        var caller = _spare is { } spare && spare.Length == registers.Length ? spare : new ulong?[registers.Length];
        _spare = null;
        registers.CopyTo(caller, 0);
        return caller;
    }

    private ulong? ReadWord(ulong address)
    {
        Span<byte> bytes = stackalloc byte[8];
        bytes.Clear();
        var size = _layout.PointerSize;
        return _memory.Read(address, bytes[..size]) == size ? BitConverter.ToUInt64(bytes) : null;
    }

    private ulong Mask(ulong value) => _layout.Is64 ? value : value & 0xffff_ffff;
}

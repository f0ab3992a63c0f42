namespace Forensics.Model;

/// <summary>
/// A PC on a stack and what names it: its module and the symbol and source line that cover it. The same for every
/// frame at that PC, so those frames share one (<see cref="StackFrame.Site"/>).
/// </summary>
public sealed record FrameSite
{
    // The optional numbers are kept as plain fields beside flags of which are set (a nullable adds 8 bytes each).
    private ulong moduleOffset, functionOffset;
    private int line;
    private Present present;

    /// <summary>The frame's instruction address: the PC of the innermost frame, a return address for the others.</summary>
    public required ulong ProgramCounter { get; init; }
    /// <summary>Short name of the module the PC lies in (<c>libc.so.6</c>); null outside every module.</summary>
    public string? Module { get; init; }
    /// <summary>The PC's offset from the module's load address (ASLR removed).</summary>
    public ulong? ModuleOffset
    {
        get => Has(Present.ModuleOffset) ? moduleOffset : null;
        init { moduleOffset = value.GetValueOrDefault(); Mark(Present.ModuleOffset, value.HasValue); }
    }
    /// <summary>
    /// The function's name as shown: the symbol demangled for C++ and Rust (<c>inventory::Ledger::post(long)</c>), as
    /// the symbol table spells it otherwise; null when no symbol covers the PC.
    /// </summary>
    public string? Function { get; init; }
    /// <summary>The symbol as the symbol table spells it (<c>_ZN9inventory6Ledger4postEl</c>, <c>third.cold</c>); null with <see cref="Function"/>.</summary>
    public string? Symbol { get; init; }
    public ulong? FunctionOffset
    {
        get => Has(Present.FunctionOffset) ? functionOffset : null;
        init { functionOffset = value.GetValueOrDefault(); Mark(Present.FunctionOffset, value.HasValue); }
    }
    /// <summary>Source file from the line table, where debug information was found.</summary>
    public string? File { get; init; }
    public int? Line
    {
        get => Has(Present.Line) ? line : null;
        init { line = value.GetValueOrDefault(); Mark(Present.Line, value.HasValue); }
    }

    /// <summary><c>function+0x1f</c>, or <c>module+0x1416</c> without a symbol, or the bare address.</summary>
    public string Describe()
    {
        if (Function is not null)
            return FunctionOffset is > 0 ? $"{Function}+0x{FunctionOffset:x}" : Function;
        if (Module is not null && ModuleOffset is { } offset)
            return $"{Module}+0x{offset:x}";
        return $"0x{ProgramCounter:x}";
    }

    private bool Has(Present flag) => (present & flag) != 0;

    private void Mark(Present flag, bool set) => present = set ? present | flag : present & ~flag;

    [Flags]
    private enum Present : byte { ModuleOffset = 1, FunctionOffset = 2, Line = 4 }
}

namespace Forensics.Model;

/// <summary>
/// One frame of a thread's stack, innermost first: where it executes (its <see cref="Site"/>) and how it was found.
/// A struct of 24 bytes: a batch holds every capture's frames until its reports are written (1.5 million in the
/// 10,000-input batch, most of them a recursion's thousands at the same few PCs, which share one site).
/// </summary>
public readonly record struct StackFrame(FrameSite Site, ulong StackPointer, UnwindMethod Method)
{
    /// <summary>The frame's instruction address: the PC of the innermost frame, a return address for the others.</summary>
    public ulong ProgramCounter => Site.ProgramCounter;
    /// <summary>Short name of the module the PC lies in (<c>libc.so.6</c>); null outside every module.</summary>
    public string? Module => Site.Module;
    /// <summary>The PC's offset from the module's load address (ASLR removed).</summary>
    public ulong? ModuleOffset => Site.ModuleOffset;
    /// <summary>The function's name as shown (<see cref="FrameSite.Function"/>).</summary>
    public string? Function => Site.Function;
    /// <summary>The symbol as the symbol table spells it (<see cref="FrameSite.Symbol"/>).</summary>
    public string? Symbol => Site.Symbol;
    public ulong? FunctionOffset => Site.FunctionOffset;
    /// <summary>Source file from the line table, where debug information was found.</summary>
    public string? File => Site.File;
    public int? Line => Site.Line;

    /// <summary><c>function+0x1f</c>, or <c>module+0x1416</c> without a symbol, or the bare address.</summary>
    public string Describe() => Site.Describe();
}

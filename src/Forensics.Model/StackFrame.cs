namespace Forensics.Model;

/// <summary>
/// One frame of a thread's stack, innermost first: where it executes (its <see cref="Site"/>) and how it was found.
/// A struct of 24 bytes: a batch holds every capture's frames until its reports are written (1.5 million in the
/// 10,000-input batch, most of them a recursion's thousands at the same few PCs, which share one site).
/// </summary>
/// <param name="Site">The PC and what names it, shared by every frame at that PC.</param>
/// <param name="StackPointer">The stack pointer (the CFA of the frame below) as the unwinder recovered it.</param>
/// <param name="Method">How the frame was found: the registers, CFI, the frame pointer or a scan.</param>
public readonly record struct StackFrame(FrameSite Site, ulong StackPointer, UnwindMethod Method)
{
    /// <inheritdoc cref="FrameSite.ProgramCounter"/>
    public ulong ProgramCounter => Site.ProgramCounter;
    /// <inheritdoc cref="FrameSite.Module"/>
    public string? Module => Site.Module;
    /// <inheritdoc cref="FrameSite.ModuleOffset"/>
    public ulong? ModuleOffset => Site.ModuleOffset;
    /// <inheritdoc cref="FrameSite.Function"/>
    public string? Function => Site.Function;
    /// <inheritdoc cref="FrameSite.Symbol"/>
    public string? Symbol => Site.Symbol;
    /// <inheritdoc cref="FrameSite.FunctionOffset"/>
    public ulong? FunctionOffset => Site.FunctionOffset;
    /// <inheritdoc cref="FrameSite.File"/>
    public string? File => Site.File;
    /// <inheritdoc cref="FrameSite.Line"/>
    public int? Line => Site.Line;

    /// <inheritdoc cref="FrameSite.Describe"/>
    public string Describe() => Site.Describe();
}

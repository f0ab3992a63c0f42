namespace Forensics.Symbols;

/// <summary>Diagnostic ids of stack walking and symbols, range FX8xxx.</summary>
public static class SymbolDiagnosticIds
{
    /// <summary>A file offered for a module has another build-id: it is not used, so no name comes from it.</summary>
    public const string BuildIdMismatch = "FX8001";
    /// <summary>A module file or its CFI is malformed (a lying CIE/FDE length, an unknown opcode, an unreadable ELF).</summary>
    public const string MalformedModuleFile = "FX8002";
    /// <summary>A thread's walk stopped early: a cycle, a stack pointer going backwards, or the frame limit.</summary>
    public const string WalkStopped = "FX8003";
    /// <summary>The modules of the core were looked for and not found (names then stay module+offset).</summary>
    public const string ModuleFilesNotFound = "FX8004";
}

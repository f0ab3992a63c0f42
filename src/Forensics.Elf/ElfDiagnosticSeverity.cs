namespace Forensics.Elf;

/// <summary>How serious a problem found by the ELF reader is.</summary>
public enum ElfDiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

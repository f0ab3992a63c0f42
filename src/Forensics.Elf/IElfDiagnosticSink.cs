namespace Forensics.Elf;

/// <summary>
/// Where the ELF reader reports what it finds wrong, and goes on reading. Every problem is reported, not only the
/// first; the caller decides what each one means.
/// </summary>
public interface IElfDiagnosticSink
{
    void Report(ElfProblem problem, ulong? offset, string message);
}

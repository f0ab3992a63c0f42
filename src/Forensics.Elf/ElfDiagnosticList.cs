namespace Forensics.Elf;

/// <summary>A sink that keeps every problem reported, in order.</summary>
public sealed class ElfDiagnosticList : IElfDiagnosticSink
{
    private readonly List<ElfDiagnostic> _items = [];

    public IReadOnlyList<ElfDiagnostic> Items => _items;

    public void Report(ElfProblem problem, ulong? offset, string message) => _items.Add(new ElfDiagnostic(problem, offset, message));
}

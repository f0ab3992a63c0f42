namespace Forensics.Model;

/// <summary>Collects diagnostics while a parser goes on; a parse site reports and substitutes a default in one line.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;
    public int Count => _items.Count;
    public bool HasErrors => _items.Exists(d => d.Severity == DiagnosticSeverity.Error);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);
    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Reports at the descriptor's default severity.</summary>
    public void Report(DiagnosticDescriptor descriptor, SourceLocation location, string message) =>
        _items.Add(new Diagnostic(descriptor, message, location));

    public void Error(DiagnosticDescriptor descriptor, SourceLocation location, string message) =>
        _items.Add(new Diagnostic(descriptor, DiagnosticSeverity.Error, message, location));

    public void Warning(DiagnosticDescriptor descriptor, SourceLocation location, string message) =>
        _items.Add(new Diagnostic(descriptor, DiagnosticSeverity.Warning, message, location));

    public void Info(DiagnosticDescriptor descriptor, SourceLocation location, string message) =>
        _items.Add(new Diagnostic(descriptor, DiagnosticSeverity.Info, message, location));
}

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

    public void Error(string id, SourceLocation location, string message) =>
        _items.Add(new Diagnostic(DiagnosticSeverity.Error, id, message, location));

    public void Warning(string id, SourceLocation location, string message) =>
        _items.Add(new Diagnostic(DiagnosticSeverity.Warning, id, message, location));

    public void Info(string id, SourceLocation location, string message) =>
        _items.Add(new Diagnostic(DiagnosticSeverity.Info, id, message, location));
}

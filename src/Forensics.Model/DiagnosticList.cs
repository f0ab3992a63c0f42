namespace Forensics.Model;

/// <summary>The diagnostics of a normalised <see cref="Capture"/>: what its <see cref="DiagnosticBag"/> collected, read-only.</summary>
public sealed class DiagnosticList
{
    /// <summary>No diagnostics.</summary>
    public static DiagnosticList Empty { get; } = new([]);

    public DiagnosticList(IEnumerable<Diagnostic> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = [.. items];
    }

    public IReadOnlyList<Diagnostic> Items { get; }
    public int Count => Items.Count;
    public bool HasErrors => Items.Any(d => d.Severity == DiagnosticSeverity.Error);
}

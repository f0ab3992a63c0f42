using Forensics.Analysis.Text;

namespace Forensics.Analysis.Findings;

/// <summary>A forensic signal with its rule, severity and evidence.</summary>
public sealed record Finding
{
    public required FindingSeverity Severity { get; init; }
    /// <summary>Stable rule id (<c>wx-memory</c>, <c>deleted-mapping</c>, ...).</summary>
    public required string Rule { get; init; }
    public required Sentence Message { get; init; }
    public ulong? Start { get; init; }
    public ulong? End { get; init; }
    public string? Name { get; init; }
}

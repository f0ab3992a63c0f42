namespace Forensics.Analysis.Comparison;

/// <summary>One row of <c>comparison.csv</c>: what changed in a capture against the baseline.</summary>
public sealed record ComparisonRow(
    string BaselineId,
    string CaptureId,
    string Subject,
    string Change,
    string? BaselineValue,
    string? Value,
    string? Delta);

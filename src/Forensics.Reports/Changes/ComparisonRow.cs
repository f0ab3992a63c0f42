using Forensics.Analysis.Comparison.Changes;

namespace Forensics.Reports.Changes;

/// <summary>A typed change and its row of <c>comparison.csv</c>, printed once by <see cref="ChangeText"/>.</summary>
public sealed class ComparisonRow
{
    public ComparisonRow(ComparisonChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Source = change;
        Subject = ChangeText.Subject(change.Subject);
        Change = ChangeText.Kind(change.Kind);
        BaselineValue = ChangeText.Value(change.BaselineValue);
        Value = ChangeText.Value(change.Value);
        Delta = ChangeText.Delta(change.Delta);
    }

    public ComparisonChange Source { get; }
    public string BaselineId => Source.BaselineId;
    public string CaptureId => Source.CaptureId;
    public string Subject { get; }
    public string Change { get; }
    public string? BaselineValue { get; }
    public string? Value { get; }
    public string? Delta { get; }
}

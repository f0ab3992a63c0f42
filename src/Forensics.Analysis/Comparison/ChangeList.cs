using Forensics.Analysis.Comparison.Changes;

namespace Forensics.Analysis.Comparison;

/// <summary>The changes of one capture against the baseline, in the order the comparison finds them.</summary>
internal sealed class ChangeList(string baselineId, string captureId)
{
    public List<ComparisonChange> Changes { get; } = [];

    public void Add(ChangeSubject subject, ChangeKind kind, ChangeValue? baselineValue, ChangeValue? value, ChangeDelta? delta) =>
        Changes.Add(new ComparisonChange(baselineId, captureId, subject, kind, baselineValue, value, delta));
}

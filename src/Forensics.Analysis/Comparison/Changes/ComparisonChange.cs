namespace Forensics.Analysis.Comparison.Changes;

/// <summary>
/// One thing that differs between a capture and the baseline: what it is about, what changed, its value on each side
/// (null where it does not exist on that side) and the difference where one makes sense.
/// </summary>
public sealed record ComparisonChange(
    string BaselineId,
    string CaptureId,
    ChangeSubject Subject,
    ChangeKind Kind,
    ChangeValue? BaselineValue,
    ChangeValue? Value,
    ChangeDelta? Delta);

namespace Forensics.Analysis.Comparison.Programs;

/// <summary>
/// The captures of one program (docs/report-schema.md#programscsv), compared only with each other: their
/// <see cref="BaselineId"/>, and each capture with the evidence that placed it here.
/// </summary>
public sealed record ProgramGroup
{
    /// <summary>The group's id: the id of its first capture in natural order (a capture is in one group only).</summary>
    public string Id => Members[0].CaptureId;

    /// <summary>The program's name: its executable's path, else its process name, else the images it maps.</summary>
    public required string Program { get; init; }
    /// <summary>Every capture of the group in natural order (input path with numbers by value, then line).</summary>
    public required IReadOnlyList<ProgramMember> Members { get; init; }
    public required string BaselineId { get; init; }
    public required BaselineReason BaselineReason { get; init; }
    /// <summary>Every capture shows the same process (the same PID), so their order is a time series.</summary>
    public bool SuccessiveSnapshots { get; init; }

    public IEnumerable<string> CaptureIds => Members.Select(m => m.CaptureId);

    /// <summary>The strongest evidence any capture of the group shares with another (for a single capture, what it has).</summary>
    public ProgramEvidence Evidence => Members.Min(m => m.Evidence);
}

/// <summary>A capture of a <see cref="ProgramGroup"/>, and what put it there.</summary>
public sealed record ProgramMember(string CaptureId, ProgramEvidence Evidence, bool Crashed);

/// <summary>Why a capture is its group's baseline.</summary>
public enum BaselineReason
{
    /// <summary><c>--baseline</c> named it.</summary>
    Chosen,
    /// <summary>The first capture in natural order that did not crash.</summary>
    FirstNotCrashed,
    /// <summary>The first capture in natural order (every one crashed).</summary>
    First,
    /// <summary>
    /// A capture of the same instance as the first not crashed (or first) one, taken before it: that one only grew
    /// from it (two maps of a process watched over time, named in any order).
    /// </summary>
    EarlierSnapshot,
}

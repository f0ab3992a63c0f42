namespace Forensics.Model;

/// <summary>
/// One input of a batch: its path as displayed (relative to the root given), status, named problem and reason,
/// SHA-256 and size of the file as stored, the ids of the captures it gave, and the diagnostics about the input as
/// a whole. <see cref="Problem"/> is <see cref="InputProblem.None"/> exactly when the status is <see cref="InputStatus.Ok"/>.
/// </summary>
public sealed record InputRecord(
    string Path,
    InputStatus Status,
    InputProblem Problem,
    string? Reason,
    string Sha256,
    long Bytes,
    IReadOnlyList<string> CaptureIds,
    IReadOnlyList<Diagnostic> Diagnostics);

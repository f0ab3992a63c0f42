using Forensics.Model;

namespace Forensics.Reports;

/// <summary>
/// One input file of a run as the reports show it: whether it was read, why not, its hash and size,
/// the captures found in it and the diagnostics that belong to the file rather than to one capture.
/// <see cref="Status"/> is a lower-case id: <c>ok</c>, <c>partial</c>, <c>failed</c> or <c>skipped</c>.
/// </summary>
public sealed record ReportInput(
    string Path,
    string Status,
    string? Reason,
    string Sha256,
    long Bytes,
    IReadOnlyList<string> CaptureIds,
    IReadOnlyList<Diagnostic> Diagnostics);

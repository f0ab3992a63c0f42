using Forensics.Importers.Import;
using Forensics.Model;

namespace Forensics.Reports;

/// <summary>
/// One input file of a run as the reports show it: whether it was read, what kept it from being read plainly and
/// why, its hash and size, the captures found in it and the diagnostics that belong to the file rather than to one
/// capture. <see cref="Status"/> is a lower-case id: <c>ok</c>, <c>partial</c>, <c>failed</c> or <c>skipped</c>;
/// <see cref="Problem"/> a kebab-case id of <see cref="InputProblem"/> (<c>none</c>, <c>permission-denied</c>, ...).
/// </summary>
public sealed record ReportInput(
    string Path,
    string Status,
    string Problem,
    string? Reason,
    string Sha256,
    long Bytes,
    IReadOnlyList<string> CaptureIds,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The input as the importer recorded it.</summary>
    public static ReportInput From(InputRecord input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new(input.Path, input.Status.ToId(), input.Problem.ToId(), input.Reason, input.Sha256, input.Bytes, input.CaptureIds, input.Diagnostics);
    }
}

using Forensics.Analysis;
using Forensics.Model;

namespace Forensics.Reports;

/// <summary>
/// How many inputs of a run ended in each status, and how many captures they gave: the one count that
/// <c>index.md</c>, the summary on stderr and the exit code all read, so they cannot disagree.
/// </summary>
public sealed record InputCounts(int Inputs, int Ok, int Partial, int Failed, int Skipped, int Captures)
{
    public static InputCounts Of(AnalysisRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        int Count(InputStatus status) => run.Inputs.Count(i => i.Status == status);
        return new(run.Inputs.Count, Count(InputStatus.Ok), Count(InputStatus.Partial), Count(InputStatus.Failed), Count(InputStatus.Skipped), run.Captures.Count);
    }

    /// <summary>Inputs that failed or were read only in part: any makes the exit code 1.</summary>
    public int Failures => Failed + Partial;

    /// <summary><c>5 inputs (3 failed, 2 skipped) giving 0 captures</c>: the statuses that occur, in the order of their ids.</summary>
    public override string ToString()
    {
        (int Count, InputStatus Status)[] statuses =
            [(Failed, InputStatus.Failed), (Ok, InputStatus.Ok), (Partial, InputStatus.Partial), (Skipped, InputStatus.Skipped)];
        return ReportValues.Number(Inputs) + " inputs ("
            + string.Join(", ", statuses.Where(s => s.Count > 0).Select(s => ReportValues.Number(s.Count) + " " + s.Status.ToId()))
            + ") giving " + ReportValues.Number(Captures) + " captures";
    }
}

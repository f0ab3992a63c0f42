using Forensics.Analysis;
using Forensics.Model;
using Forensics.Reports;
using Forensics.Reports.Escaping;

namespace Forensics.Cli;

/// <summary>How a finished run ends a command: a line for each input that was not plainly read, and the exit code.</summary>
public static class RunFailures
{
    /// <summary>
    /// 0 when every input was read, 1 when some failed or were read only in part. A core of a kind the tool does not
    /// analyse (problem <c>unsupported</c>: another system or machine, a kdump vmcore) is named on stderr and in the
    /// reports, but is not damaged evidence, so it does not fail the run.
    /// </summary>
    public static int ExitCode(AnalysisRun run) =>
        run.Inputs.Any(i => i.Status is InputStatus.Failed or InputStatus.Partial && i.Problem != InputProblem.Unsupported)
            ? ExitCodes.SomeInputsFailed
            : ExitCodes.Success;

    /// <summary>The failed and partial inputs, one short line each: what, where, why; names and reasons made inert.</summary>
    public static void Write(AnalysisRun run, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(error);
        foreach (var input in run.Inputs.Where(i => i.Status is InputStatus.Failed or InputStatus.Partial).OrderBy(i => i.Path, StringComparer.Ordinal))
            error.WriteLine(input.Status.ToId() + ": " + UntrustedText.Terminal(input.Path) + (input.Reason is { } reason ? ": " + UntrustedText.Terminal(reason) : ""));
    }
}

using Forensics.Analysis;
using Forensics.Importers.Import;
using Forensics.Model;
using Forensics.Reports;

namespace Forensics.Cli;

/// <summary>Wires the layers together: import the paths, analyse every capture, compare them.</summary>
public static class AnalysisPipeline
{
    /// <summary>Imports and analyses <paramref name="paths"/>; the comparison is the caller's to add.</summary>
    public static AnalysisRun Run(IReadOnlyList<string> paths, ProgressReporter progress)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(progress);
        var batch = progress.Step("importing " + paths.Count + " path(s)", () => new CaptureImporter().Import(paths));
        var analyses = progress.Step("analysing " + batch.Captures.Count + " capture(s)",
            () => batch.Captures.Select(c => CaptureAnalyzer.Analyze(c, batch.Captures)).ToList());
        return new AnalysisRun([.. batch.Inputs.Select(ToReportInput)], analyses, null);
    }

    /// <summary>0 when every input was read, 1 when some failed or were read only in part.</summary>
    public static int ExitCode(AnalysisRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Inputs.Any(i => i.Status is "failed" or "partial") ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    /// <summary>The failed and partial inputs, one short line each: what, where, why.</summary>
    public static void ReportFailures(AnalysisRun run, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(error);
        foreach (var input in run.Inputs.Where(i => i.Status is "failed" or "partial").OrderBy(i => i.Path, StringComparer.Ordinal))
            error.WriteLine(input.Status + ": " + input.Path + (input.Reason is { } reason ? ": " + reason : ""));
    }

    private static ReportInput ToReportInput(InputRecord input) => new(
        input.Path, StatusId(input.Status), input.Reason, input.Sha256, input.Bytes, input.CaptureIds, input.Diagnostics);

    private static string StatusId(InputStatus status) => status switch
    {
        InputStatus.Ok => "ok",
        InputStatus.Partial => "partial",
        InputStatus.Failed => "failed",
        InputStatus.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}

using System.Text.Json;
using Forensics.Analysis;
using Forensics.Model;
using Forensics.Reports.Tables;

namespace Forensics.Reports.Json;

/// <summary>
/// Writes <c>report.json</c>: the same content as the Markdown and CSV reports in one document for machines.
/// The schema (version 1) is documented in docs/report-schema.md; the parts that are rows of a table (inputs, regions,
/// modules, findings, comparison rows, diagnostics) take their fields from <see cref="ReportTables"/>, and values
/// follow the CSV conventions (hex address strings, decimal byte counts, null for unknown).
/// </summary>
public static class JsonReportWriter
{
    public const string FileName = "report.json";
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string Write(PreparedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var document = new
        {
            Schema = "forensics-report",
            Version = SchemaVersion,
            Inputs = run.Inputs.Select(i => JsonRow.Of(ReportTables.Inputs, i,
                new("capture_ids", i.CaptureIds), new("diagnostics", i.Diagnostics.Select(Diagnostic)))),
            Captures = run.Captures.Select(a => Capture(run, a)),
            Comparison = run.Comparison is not { } c ? null : new
            {
                c.BaselineId, c.CaptureIds, c.SuccessiveSnapshots,
                Rows = run.ComparisonRows.Select(r => JsonRow.Of(ReportTables.Comparison, r)),
                KindTotals = c.KindTotals.Select(k => new { Kind = k.Kind.ToId(), k.Bytes, k.GrowsSteadily }),
                Presence = c.Presence.Select(p => new { p.Module, p.Present }),
                RareModules = c.RareModules.Select(m => new { m.Program, m.Module, m.CaptureIds, m.ProgramCaptures }),
                Crashes = ReportOrder.CrashGroups(c).Select(g => new { Signature = ReportValues.Text(g.Signature), Verdict = ReportValues.Verdict(g.Verdict), Summary = ReportValues.Text(g.Summary), g.CaptureIds }),
            },
        };
        return JsonSerializer.Serialize(document, Options) + "\n";
    }

    private static object Capture(PreparedRun run, CaptureAnalysis analysis)
    {
        var capture = analysis.Capture;
        return new
        {
            capture.Id,
            Report = "captures/" + run.SlugOf(capture.Id) + ".md",
            Input = capture.InputPath,
            FirstLine = capture.LineRange?.First,
            LastLine = capture.LineRange?.Last,
            capture.Sha256,
            Format = capture.Format.ToId(),
            capture.Variant,
            Arch = capture.Architecture.ToId(),
            ArchEvidence = capture.ArchitectureEvidence,
            Unsupported = capture.UnsupportedReason,
            capture.Pid,
            Process = capture.ProcessName,
            capture.CommandLine,
            Facts = capture.Facts.Select(f => new { f.Name, f.Value }),
            MappedBytes = capture.MappedBytes,
            Regions = capture.Regions.Select(r => JsonRow.Of(ReportTables.Regions, (capture, r))),
            Modules = ReportOrder.Modules(capture).Select(m => JsonRow.Of(ReportTables.Modules, (capture, m))),
            RollupTotals = RollupTotalColumns.Of(capture),
            DeclaredTotals = capture.DeclaredTotals.Select(t => new { t.Name, t.DeclaredBytes, t.ComputedBytes, Matches = t.Checkable ? t.Matches : (bool?)null }),
            Crash = analysis.Crash is not { } crash ? null : new
            {
                Verdict = ReportValues.Verdict(crash.Verdict), Summary = ReportValues.Text(crash.Summary), Evidence = crash.Evidence.Select(e => ReportValues.Text(e)),
                Signature = ReportValues.Text(crash.Signature), crash.AbortMessage, Signal = crash.SignalName,
                crash.SignalNumber, SignalCode = crash.SignalCodeName,
                FaultAddress = crash.FaultAddress is { } f ? ReportValues.Address(f) : null, FaultLocation = ReportValues.Text(crash.FaultLocation),
                crash.CrashingThreadId,
                Threads = crash.Threads.Select(t => new
                {
                    t.Tid, t.IsCrashing, t.Signal, Pc = ReportValues.Address(t.ProgramCounter), PcLocation = ReportValues.Text(t.ProgramCounterLocation),
                    Sp = ReportValues.Address(t.StackPointer), SpLocation = ReportValues.Text(t.StackPointerLocation),
                    Frames = t.Frames.Select((f, i) => JsonRow.Of(ReportTables.Frames, new FrameRow(capture, t.Tid, t.IsCrashing, i, f))),
                }),
            },
            Findings = ReportOrder.Findings(analysis).Select(f => JsonRow.Of(ReportTables.Findings, (capture, f))),
            Diagnostics = capture.Diagnostics.Items.Select(Diagnostic),
        };
    }

    // A diagnostic is written inside its input or capture, which the table's first columns name.
    private static JsonRow Diagnostic(Diagnostic d) => JsonRow.Of(ReportTables.Diagnostics, ("", null, d));
}

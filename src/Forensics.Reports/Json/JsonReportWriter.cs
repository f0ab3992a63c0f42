using System.Text.Json;
using Forensics.Analysis;
using Forensics.Model;

namespace Forensics.Reports.Json;

/// <summary>
/// Writes <c>report.json</c>: the same content as the Markdown and CSV reports in one document for machines.
/// The schema (version 1) is documented in the README; values follow the CSV conventions (hex address strings,
/// decimal byte counts, null for unknown).
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
            Inputs = run.Inputs.Select(i => new
            {
                i.Path, Status = i.Status.ToId(), Problem = i.Problem.ToId(), i.Reason, i.Sha256, i.Bytes, i.CaptureIds,
                Diagnostics = i.Diagnostics.Select(Diagnostic),
            }),
            Captures = run.Captures.Select(a => Capture(run, a)),
            Comparison = run.Comparison is not { } c ? null : new
            {
                c.BaselineId, c.CaptureIds, c.SuccessiveSnapshots,
                Rows = c.Rows.Select(r => new { r.CaptureId, r.Subject, r.Change, r.BaselineValue, r.Value, r.Delta }),
                KindTotals = c.KindTotals.Select(k => new { Kind = k.Kind.ToId(), k.Bytes, k.GrowsSteadily }),
                Presence = c.Presence.Select(p => new { p.Module, p.Present }),
                RareModules = c.RareModules.Select(m => new { m.Program, m.Module, m.CaptureIds, m.ProgramCaptures }),
                Crashes = c.Crashes.Select(g => new { g.Signature, Verdict = ReportValues.Verdict(g.Verdict), g.Summary, g.CaptureIds }),
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
            capture.Pid,
            Process = capture.ProcessName,
            capture.CommandLine,
            MappedBytes = capture.MappedBytes,
            Regions = capture.Regions.Select(r => new
            {
                Start = ReportValues.Address(r.Start), End = ReportValues.Address(r.End), r.Size, Perms = r.Permissions.ToString(),
                Offset = r.Offset is { } o ? ReportValues.Address(o) : null, r.Device, r.Inode, r.Name, r.Deleted, Kind = r.Kind.ToId(),
                r.Module, RssBytes = r.Metrics?.Rss, DirtyBytes = r.Metrics?.Dirty, SwapBytes = r.Metrics?.Swap, r.DumpedBytes,
                Sources = r.Sources.ToId(),
            }),
            Modules = ReportOrder.Modules(capture).Select(m => new
            {
                m.Name, m.Path, Base = ReportValues.Address(m.Base), End = ReportValues.Address(m.End), m.Size, m.BuildId,
                m.PathIsBasename, m.Deleted, MainExecutable = m.IsMainExecutable,
            }),
            DeclaredTotals = capture.DeclaredTotals.Select(t => new { t.Name, t.DeclaredBytes, t.ComputedBytes, Matches = t.Checkable ? t.Matches : (bool?)null }),
            Crash = analysis.Crash is not { } crash ? null : new
            {
                Verdict = ReportValues.Verdict(crash.Verdict), crash.Summary, crash.Evidence, crash.Signature, crash.AbortMessage, Signal = crash.SignalName,
                crash.SignalNumber, SignalCode = crash.SignalCodeName,
                FaultAddress = crash.FaultAddress is { } f ? ReportValues.Address(f) : null, crash.FaultLocation,
                crash.CrashingThreadId,
                Threads = crash.Threads.Select(t => new
                {
                    t.Tid, t.IsCrashing, t.Signal, Pc = ReportValues.Address(t.ProgramCounter), PcLocation = t.ProgramCounterLocation,
                    Sp = ReportValues.Address(t.StackPointer), SpLocation = t.StackPointerLocation,
                    Frames = t.Frames.Select(f => new
                    {
                        Pc = ReportValues.Address(f.ProgramCounter), f.Module,
                        Offset = f.ModuleOffset is { } offset ? ReportValues.Address(offset) : null, f.Function,
                        FunctionOffset = f.FunctionOffset is { } functionOffset ? ReportValues.Address(functionOffset) : null,
                        f.File, f.Line, Method = f.Method.ToId(),
                    }),
                }),
            },
            Findings = ReportOrder.Findings(analysis).Select(f => new
            {
                Severity = ReportValues.Severity(f.Severity), f.Rule, Start = f.Start is { } s ? ReportValues.Address(s) : null,
                End = f.End is { } e ? ReportValues.Address(e) : null, f.Name, f.Message,
            }),
            Diagnostics = capture.Diagnostics.Items.Select(Diagnostic),
        };
    }

    private static object Diagnostic(Diagnostic d) => new
    {
        Severity = ReportValues.Severity(d.Severity), d.Id, d.Location.Line,
        Offset = d.Location.Offset is { } o ? ReportValues.Address(o) : null, d.Message,
    };
}

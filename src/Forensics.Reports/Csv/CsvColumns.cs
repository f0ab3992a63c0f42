using Forensics.Analysis;
using Forensics.Analysis.Comparison;
using Forensics.Analysis.Findings;
using Forensics.Model;

namespace Forensics.Reports.Csv;

/// <summary>
/// The column schema of every CSV file in one place. docs/report-schema.md#stability-of-the-columns fixes the first columns' names, order and
/// meaning; more columns may only follow them.
/// </summary>
internal static class CsvColumns
{
    public static readonly CsvSchema<(PreparedRun Run, CaptureAnalysis Analysis)> Captures = new(
        ("capture_id", x => x.Analysis.Capture.Id),
        ("input", x => x.Analysis.Capture.InputPath),
        ("sha256", x => x.Analysis.Capture.Sha256),
        ("format", x => x.Analysis.Capture.Format.ToId()),
        ("arch", x => x.Analysis.Capture.Architecture.ToId()),
        ("pid", x => ReportValues.Number(x.Analysis.Capture.Pid)),
        ("process", x => x.Analysis.Capture.ProcessName),
        ("regions", x => ReportValues.Number(x.Analysis.Capture.Regions.Count)),
        ("mapped_bytes", x => ReportValues.Number(x.Analysis.Capture.MappedBytes)),
        ("modules", x => ReportValues.Number(x.Analysis.Capture.Modules.Count)),
        ("threads", x => ReportValues.Number(x.Analysis.Capture.Threads.Count)),
        ("signal", x => x.Analysis.Crash?.SignalName ?? ReportValues.Number(x.Analysis.Capture.Signal?.Number)),
        ("fault_address", x => ReportValues.Address(x.Analysis.Crash?.FaultAddress ?? x.Analysis.Capture.Signal?.FaultAddress)),
        ("findings", x => ReportValues.Number(x.Analysis.Findings.Count)),
        ("diagnostics", x => ReportValues.Number(x.Analysis.Capture.Diagnostics.Count)),
        ("status", x => x.Run.InputOf(x.Analysis.Capture.Id)?.Status.ToId()),
        ("variant", x => x.Analysis.Capture.Variant),
        ("first_line", x => ReportValues.Number(x.Analysis.Capture.LineRange?.First)),
        ("last_line", x => ReportValues.Number(x.Analysis.Capture.LineRange?.Last)),
        ("verdict", x => x.Analysis.Crash is { } crash ? ReportValues.Verdict(crash.Verdict) : null),
        ("signature", x => x.Analysis.Crash?.Signature));

    public static readonly CsvSchema<(Capture Capture, Region Region)> Regions = new(
        ("capture_id", x => x.Capture.Id),
        ("start", x => ReportValues.Address(x.Region.Start)),
        ("end", x => ReportValues.Address(x.Region.End)),
        ("size", x => ReportValues.Number(x.Region.Size)),
        ("perms", x => x.Region.Permissions.ToString()),
        ("offset", x => ReportValues.Address(x.Region.Offset)),
        ("device", x => x.Region.Device),
        ("inode", x => ReportValues.Number(x.Region.Inode)),
        ("name", x => x.Region.Name),
        ("deleted", x => ReportValues.Boolean(x.Region.Deleted)),
        ("kind", x => x.Region.Kind.ToId()),
        ("module", x => x.Region.Module),
        ("rss_bytes", x => ReportValues.Number(x.Region.Metrics?.Rss)),
        ("dirty_bytes", x => ReportValues.Number(x.Region.Metrics?.Dirty)),
        ("swap_bytes", x => ReportValues.Number(x.Region.Metrics?.Swap)),
        ("dumped_bytes", x => ReportValues.Number(x.Region.DumpedBytes)),
        ("sources", x => x.Region.Sources.ToId()),
        ("name_is_basename", x => ReportValues.Boolean(x.Region.NameIsBasename)),
        ("thread_id", x => ReportValues.Number(x.Region.ThreadId)),
        ("location", x => x.Region.Location.ToString()));

    public static readonly CsvSchema<(Capture Capture, Module Module)> Modules = new(
        ("capture_id", x => x.Capture.Id),
        ("module", x => x.Module.Name),
        ("path", x => x.Module.Path),
        ("base", x => ReportValues.Address(x.Module.Base)),
        ("end", x => ReportValues.Address(x.Module.End)),
        ("size", x => ReportValues.Number(x.Module.Size)),
        ("build_id", x => x.Module.BuildId),
        ("path_is_basename", x => ReportValues.Boolean(x.Module.PathIsBasename)),
        ("deleted", x => ReportValues.Boolean(x.Module.Deleted)),
        ("main_executable", x => ReportValues.Boolean(x.Module.IsMainExecutable)));

    public static readonly CsvSchema<FrameRow> Frames = new(
        ("capture_id", x => x.Capture.Id),
        ("tid", x => ReportValues.Number(x.Tid)),
        ("crashing", x => ReportValues.Boolean(x.Crashing)),
        ("frame", x => ReportValues.Number(x.Index)),
        ("pc", x => ReportValues.Address(x.Frame.ProgramCounter)),
        ("module", x => x.Frame.Module),
        ("offset", x => ReportValues.Address(x.Frame.ModuleOffset)),
        ("function", x => x.Frame.Function),
        ("function_offset", x => ReportValues.Address(x.Frame.FunctionOffset)),
        ("file", x => x.Frame.File),
        ("line", x => ReportValues.Number(x.Frame.Line)),
        ("method", x => x.Frame.Method.ToId()));

    public static readonly CsvSchema<(Capture Capture, Finding Finding)> Findings = new(
        ("capture_id", x => x.Capture.Id),
        ("severity", x => ReportValues.Severity(x.Finding.Severity)),
        ("rule", x => x.Finding.Rule),
        ("start", x => ReportValues.Address(x.Finding.Start)),
        ("end", x => ReportValues.Address(x.Finding.End)),
        ("name", x => x.Finding.Name),
        ("message", x => x.Finding.Message));

    public static readonly CsvSchema<ComparisonRow> Comparison = new(
        ("baseline_id", x => x.BaselineId),
        ("capture_id", x => x.CaptureId),
        ("subject", x => x.Subject),
        ("change", x => x.Change),
        ("baseline_value", x => x.BaselineValue),
        ("value", x => x.Value),
        ("delta", x => x.Delta));

    public static readonly CsvSchema<InputRecord> Inputs = new(
        ("path", x => x.Path),
        ("status", x => x.Status.ToId()),
        ("problem", x => x.Problem.ToId()),
        ("reason", x => x.Reason),
        ("sha256", x => x.Sha256),
        ("bytes", x => ReportValues.Number(x.Bytes)),
        ("captures", x => string.Join(' ', x.CaptureIds)),
        ("diagnostics", x => ReportValues.Number(x.Diagnostics.Count)));

    /// <summary>Every diagnostic of the run: of an input file (no capture id) or of a capture.</summary>
    public static readonly CsvSchema<(string Input, string? CaptureId, Diagnostic Diagnostic)> Diagnostics = new(
        ("input", x => x.Input),
        ("capture_id", x => x.CaptureId),
        ("severity", x => ReportValues.Severity(x.Diagnostic.Severity)),
        ("id", x => x.Diagnostic.Id),
        ("line", x => ReportValues.Number(x.Diagnostic.Location.Line)),
        ("offset", x => ReportValues.Address(x.Diagnostic.Location.Offset)),
        ("message", x => x.Diagnostic.Message));
}

using Forensics.Analysis.Comparison.Fleet;
using Forensics.Analysis.Comparison.Programs;
using Forensics.Analysis.Findings;
using Forensics.Analysis;
using Forensics.Model;
using Forensics.Reports.Changes;

namespace Forensics.Reports.Tables;

/// <summary>
/// Every report table, declared once: the CSV, Parquet and JSON writers all work from these declarations. A column is
/// one line. docs/report-schema.md#stability-of-the-columns fixes the first columns' names, order and meaning; more
/// columns may only follow them.
/// </summary>
public static class ReportTables
{
    public static readonly ReportTable<InputRecord> Inputs = new ReportTable<InputRecord>("inputs", run => run.Inputs)
        .Text("path", x => x.Path)
        .Text("status", x => x.Status.ToId())
        .Text("problem", x => x.Problem.ToId())
        .Text("reason", x => x.Reason)
        .Text("sha256", x => x.Sha256)
        .Integer("bytes", x => x.Bytes)
        // report.json lists the ids as an array and each diagnostic whole.
        .Text("captures", x => string.Join(' ', x.CaptureIds), json: false)
        .Integer("diagnostics", x => x.Diagnostics.Count, json: false);

    public static readonly ReportTable<(PreparedRun Run, CaptureAnalysis Analysis)> Captures =
        new ReportTable<(PreparedRun Run, CaptureAnalysis Analysis)>("captures", run => run.Captures.Select(a => (run, a)))
            .Text("capture_id", x => x.Analysis.Capture.Id)
            .Text("input", x => x.Analysis.Capture.InputPath)
            .Text("sha256", x => x.Analysis.Capture.Sha256)
            .Text("format", x => x.Analysis.Capture.Format.ToId())
            .Text("arch", x => x.Analysis.Capture.Architecture.ToId())
            .Integer("pid", x => x.Analysis.Capture.Pid)
            .Text("process", x => x.Analysis.Capture.ProcessName)
            .Integer("regions", x => x.Analysis.Capture.Regions.Count)
            .Unsigned("mapped_bytes", x => x.Run.MappedBytesOf(x.Analysis.Capture))
            .Integer("modules", x => x.Analysis.Capture.Modules.Count)
            .Integer("threads", x => x.Analysis.Capture.Threads.Count)
            // A signal's name (SIGSEGV) where it is known, else its number.
            .Text("signal", x => x.Analysis.Crash?.SignalName ?? ReportValues.Number(x.Analysis.Capture.Signal?.Number))
            .Address("fault_address", x => x.Analysis.Crash?.FaultAddress ?? x.Analysis.Capture.Signal?.FaultAddress)
            .Integer("findings", x => x.Analysis.Findings.Count)
            .Integer("diagnostics", x => x.Analysis.Capture.Diagnostics.Count)
            .Text("status", x => x.Run.InputOf(x.Analysis.Capture.Id)?.Status.ToId())
            .Text("variant", x => x.Analysis.Capture.Variant)
            .Integer("first_line", x => x.Analysis.Capture.LineRange?.First)
            .Integer("last_line", x => x.Analysis.Capture.LineRange?.Last)
            .Text("verdict", x => x.Analysis.Crash is { } crash ? ReportValues.Verdict(crash.Verdict) : null)
            .Text("signature", x => ReportValues.Text(x.Analysis.Crash?.Signature))
            .Text("facts", x => ReportValues.Facts(x.Analysis.Capture.Facts))
            .WithRollupTotals();

    public static readonly ReportTable<(Capture Capture, Region Region)> Regions =
        new ReportTable<(Capture Capture, Region Region)>("regions", run => run.Captures.SelectMany(a => a.Capture.Regions.Select(r => (a.Capture, r))))
            // report.json nests regions, modules and findings in their capture.
            .Text("capture_id", x => x.Capture.Id, json: false)
            .Address("start", x => x.Region.Start)
            .Address("end", x => x.Region.End)
            .Unsigned("size", x => x.Region.Size)
            .Text("perms", x => x.Region.Permissions.ToString())
            .Address("offset", x => x.Region.Offset)
            .Text("device", x => x.Region.Device)
            .Unsigned("inode", x => x.Region.Inode)
            .Text("name", x => x.Region.Name)
            .Boolean("deleted", x => x.Region.Deleted)
            .Text("kind", x => x.Region.Kind.ToId())
            .Text("module", x => x.Region.Module)
            .Unsigned("rss_bytes", x => x.Region.Metrics?.Rss)
            .Unsigned("dirty_bytes", x => x.Region.Metrics?.Dirty)
            .Unsigned("swap_bytes", x => x.Region.Metrics?.Swap)
            .Unsigned("dumped_bytes", x => x.Region.DumpedBytes)
            .Text("sources", x => x.Region.Sources.ToId())
            // Version 1 of report.json ends a region with its sources.
            .Boolean("name_is_basename", x => x.Region.NameIsBasename, json: false)
            .Integer("thread_id", x => x.Region.ThreadId, json: false)
            .Text("location", x => x.Region.Location.ToString(), json: false);

    public static readonly ReportTable<(Capture Capture, Module Module)> Modules =
        new ReportTable<(Capture Capture, Module Module)>("modules", run => run.Captures.SelectMany(a => ReportOrder.Modules(a.Capture).Select(m => (a.Capture, m))))
            .Text("capture_id", x => x.Capture.Id, json: false)
            .Text("module", x => x.Module.Name, jsonName: "name")
            .Text("path", x => x.Module.Path)
            .Address("base", x => x.Module.Base)
            .Address("end", x => x.Module.End)
            .Unsigned("size", x => x.Module.Size)
            .Text("build_id", x => x.Module.BuildId)
            .Boolean("path_is_basename", x => x.Module.PathIsBasename)
            .Boolean("path_truncated", x => x.Module.PathTruncated)
            .Boolean("deleted", x => x.Module.Deleted)
            .Boolean("main_executable", x => x.Module.IsMainExecutable);

    public static readonly ReportTable<(Capture Capture, Finding Finding)> Findings =
        new ReportTable<(Capture Capture, Finding Finding)>("findings", run => run.Captures.SelectMany(a => ReportOrder.Findings(a).Select(f => (a.Capture, f))))
            .Text("capture_id", x => x.Capture.Id, json: false)
            .Text("severity", x => ReportValues.Severity(x.Finding.Severity))
            .Text("rule", x => x.Finding.Rule)
            .Address("start", x => x.Finding.Start)
            .Address("end", x => x.Finding.End)
            .Text("name", x => x.Finding.Name)
            .Text("message", x => ReportValues.Text(x.Finding.Message));

    // The values of a change are addresses, sizes, counts or names depending on its kind: text, printed by ChangeText.
    public static readonly ReportTable<ComparisonRow> Comparison = new ReportTable<ComparisonRow>("comparison", run => run.ComparisonRows)
        // report.json gives the baseline once for all rows.
        .Text("baseline_id", x => x.BaselineId, json: false)
        .Text("capture_id", x => x.CaptureId)
        .Text("subject", x => x.Subject)
        .Text("change", x => x.Change)
        .Text("baseline_value", x => x.BaselineValue)
        .Text("value", x => x.Value)
        .Text("delta", x => x.Delta);

    /// <summary>Every diagnostic of the run: of an input file (no capture id) or of a capture.</summary>
    public static readonly ReportTable<(string Input, string? CaptureId, Diagnostic Diagnostic)> Diagnostics =
        new ReportTable<(string Input, string? CaptureId, Diagnostic Diagnostic)>("diagnostics", AllDiagnostics)
            // report.json nests each diagnostic in its input or capture.
            .Text("input", x => x.Input, json: false)
            .Text("capture_id", x => x.CaptureId, json: false)
            .Text("severity", x => ReportValues.Severity(x.Diagnostic.Severity))
            .Text("id", x => x.Diagnostic.Id)
            .Integer("line", x => x.Diagnostic.Location.Line)
            .Address("offset", x => x.Diagnostic.Location.Offset)
            .Text("message", x => x.Diagnostic.Message);

    /// <summary>Every frame of every walked thread: captures in report order, the crashing thread first, innermost first.</summary>
    public static readonly ReportTable<FrameRow> Frames = new ReportTable<FrameRow>("frames", AllFrames)
        // report.json nests each frame in its thread of its capture's crash.
        .Text("capture_id", x => x.Capture.Id, json: false)
        .Integer("tid", x => x.Tid, json: false)
        .Boolean("crashing", x => x.Crashing, json: false)
        .Integer("frame", x => x.Index, json: false)
        .Address("pc", x => x.Frame.ProgramCounter)
        .Text("module", x => x.Frame.Module)
        .Address("offset", x => x.Frame.ModuleOffset)
        .Text("function", x => x.Frame.Function)
        .Text("symbol", x => x.Frame.Symbol)
        .Address("function_offset", x => x.Frame.FunctionOffset)
        .Text("file", x => x.Frame.File)
        .Integer("line", x => x.Frame.Line)
        .Text("method", x => x.Frame.Method.ToId());

    /// <summary>Every capture with its program group (docs/report-schema.md#programscsv): groups in natural order of their first capture, captures in natural order within.</summary>
    public static readonly ReportTable<ProgramRow> Programs = new ReportTable<ProgramRow>("programs", ProgramRow.All)
        .Text("capture_id", x => x.Member.CaptureId)
        .Text("program", x => x.Group.Program)
        .Text("evidence", x => x.Member.Evidence.ToId())
        .Text("baseline_id", x => x.Group.BaselineId)
        .Text("baseline_reason", x => ReportValues.BaselineReason(x.Group.BaselineReason))
        .Integer("group_captures", x => x.Group.Members.Count)
        .Boolean("crashed", x => x.Member.Crashed)
        .Integer("differences", x => x.Differences);

    /// <summary>Module version skew: one row per build of a library path that captures map with more than one build-id.</summary>
    public static readonly ReportTable<(ModuleVersions Module, ModuleVersion Version)> Versions =
        new ReportTable<(ModuleVersions Module, ModuleVersion Version)>("versions",
                run => (run.Comparison?.VersionSkew ?? []).SelectMany(m => m.Versions.Select(v => (m, v))))
            .Text("path", x => x.Module.Path)
            .Text("build_id", x => x.Version.BuildId)
            .Integer("captures", x => x.Version.CaptureIds.Count)
            .Text("capture_ids", x => string.Join(' ', x.Version.CaptureIds));

    /// <summary>Every table, in the order the writers write them.</summary>
    public static IReadOnlyList<ReportTable> All { get; } = [Inputs, Captures, Regions, Modules, Findings, Comparison, Diagnostics, Frames, Programs, Versions];

    /// <summary>The table written as <paramref name="fileName"/> (<c>regions.csv</c>, <c>regions.parquet</c>), or null.</summary>
    public static ReportTable? ByFileName(string fileName) =>
        All.FirstOrDefault(t => string.Equals(t.CsvFileName, fileName, StringComparison.Ordinal) || string.Equals(t.ParquetFileName, fileName, StringComparison.Ordinal));

    // The inputs' own diagnostics, then each capture's.
    private static IEnumerable<(string Input, string? CaptureId, Diagnostic Diagnostic)> AllDiagnostics(PreparedRun run)
    {
        foreach (var input in run.Inputs)
        {
            foreach (var diagnostic in input.Diagnostics)
                yield return (input.Path, null, diagnostic);
        }
        foreach (var analysis in run.Captures)
        {
            foreach (var diagnostic in analysis.Capture.Diagnostics.Items)
                yield return (analysis.Capture.InputPath, analysis.Capture.Id, diagnostic);
        }
    }

    private static IEnumerable<FrameRow> AllFrames(PreparedRun run) =>
        run.Captures.Where(a => a.Crash is not null).SelectMany(a => a.Crash!.Threads.SelectMany(t =>
            t.Frames.Select((frame, index) => new FrameRow(a.Capture, t.Tid, t.IsCrashing, index, frame))));
}

using System.Text;
using System.Text.Json;
using Forensics.Analysis;
using Forensics.Analysis.Comparison;
using Forensics.Analysis.Comparison.Programs;
using Forensics.Analysis.Crash;
using Forensics.Model;
using Forensics.Reports.Tables;

namespace Forensics.Reports.Json;

/// <summary>
/// Writes <c>report.json</c>: the same content as the Markdown and CSV reports in one document for machines.
/// The schema (version 1) is documented in docs/report-schema.md; the parts that are rows of a table (inputs, regions,
/// modules, findings, comparison rows, diagnostics) take their fields from <see cref="ReportTables"/>, and values
/// follow the CSV conventions (hex address strings, decimal byte counts, null for unknown). Written field by field
/// (no reflection, so the tool can be compiled ahead of time), indented by two spaces.
/// </summary>
public static class JsonReportWriter
{
    public const string FileName = "report.json";
    public const int SchemaVersion = 1;

    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n" };

    public static string Write(PreparedRun run)
    {
        using var bytes = new MemoryStream();
        Write(run, bytes);
        return Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length);
    }

    /// <summary>Writes the document as UTF-8 to <paramref name="stream"/> as it is made: a large run is never held whole.</summary>
    public static void Write(PreparedRun run, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(stream);
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("schema", "forensics-report");
            writer.WriteNumber("version", SchemaVersion);
            writer.Field("inputs", run.Inputs.Select(i => JsonRow.Of(ReportTables.Inputs, i,
                new("capture_ids", i.CaptureIds), new("diagnostics", i.Diagnostics.Select(Diagnostic)))));
            writer.Objects("captures", run.Captures, (w, a) => Capture(w, run, a));
            writer.ObjectOrNull("comparison", run.Comparison, (w, comparison) => Comparison(w, run, comparison));
            writer.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    private static void Comparison(Utf8JsonWriter writer, PreparedRun run, ComparisonReport c)
    {
        writer.Field("baseline_id", c.BaselineId);
        writer.Field("capture_ids", c.CaptureIds);
        writer.Field("successive_snapshots", c.SuccessiveSnapshots);
        writer.Objects("groups", c.Groups, (w, g) =>
        {
            w.Field("id", g.Id);
            w.Field("program", g.Program);
            w.Field("evidence", g.Evidence.ToId());
            w.Field("baseline_id", g.BaselineId);
            w.Field("baseline_reason", ReportValues.BaselineReason(g.BaselineReason));
            w.Field("successive_snapshots", g.SuccessiveSnapshots);
            w.Objects("members", g.Members, (m, member) =>
            {
                m.Field("capture_id", member.CaptureId);
                m.Field("evidence", member.Evidence.ToId());
                m.Field("crashed", member.Crashed);
            });
        });
        writer.Field("rows", run.ComparisonRows.Select(r => JsonRow.Of(ReportTables.Comparison, r)));
        writer.Objects("kind_totals", c.KindTotals, (w, k) =>
        {
            w.Field("kind", k.Kind.ToId());
            w.Field("bytes", k.Bytes);
            w.Field("grows_steadily", k.GrowsSteadily);
        });
        writer.Objects("presence", c.Presence, (w, p) =>
        {
            w.Field("module", p.Module);
            w.Field("present", p.Present);
        });
        writer.Objects("rare_modules", c.RareModules, (w, m) =>
        {
            w.Field("program", m.Program);
            w.Field("module", m.Module);
            w.Field("capture_ids", m.CaptureIds);
            w.Field("program_captures", m.ProgramCaptures);
        });
        writer.Objects("crashes", ReportOrder.CrashGroups(c), (w, g) =>
        {
            w.Field("signature", ReportValues.Text(g.Signature));
            w.Field("verdict", ReportValues.Verdict(g.Verdict));
            w.Field("summary", ReportValues.Text(g.Summary));
            w.Field("capture_ids", g.CaptureIds);
        });
    }

    private static void Capture(Utf8JsonWriter writer, PreparedRun run, CaptureAnalysis analysis)
    {
        var capture = analysis.Capture;
        writer.Field("id", capture.Id);
        writer.Field("report", "captures/" + run.SlugOf(capture.Id) + ".md");
        writer.Field("input", capture.InputPath);
        writer.Field("first_line", capture.LineRange?.First);
        writer.Field("last_line", capture.LineRange?.Last);
        writer.Field("sha256", capture.Sha256);
        writer.Field("format", capture.Format.ToId());
        writer.Field("variant", capture.Variant);
        writer.Field("arch", capture.Architecture.ToId());
        writer.Field("arch_evidence", capture.ArchitectureEvidence);
        writer.Field("unsupported", capture.UnsupportedReason);
        writer.Field("pid", capture.Pid);
        writer.Field("process", capture.ProcessName);
        writer.Field("command_line", capture.CommandLine);
        writer.Objects("facts", capture.Facts, (w, f) =>
        {
            w.Field("name", f.Name);
            w.Field("value", f.Value);
        });
        writer.Field("mapped_bytes", run.MappedBytesOf(capture));
        writer.Field("regions", capture.Regions.Select(r => JsonRow.Of(ReportTables.Regions, (capture, r))));
        writer.Field("modules", ReportOrder.Modules(capture).Select(m => JsonRow.Of(ReportTables.Modules, (capture, m))));
        writer.ObjectOrNull("rollup_totals", RollupTotalColumns.Of(capture), (w, totals) =>
        {
            foreach (var (column, bytes) in totals)
                w.Field(column, bytes);
        });
        writer.Objects("declared_totals", capture.DeclaredTotals, (w, t) =>
        {
            w.Field("name", t.Name);
            w.Field("declared_bytes", t.DeclaredBytes);
            w.Field("computed_bytes", t.ComputedBytes);
            w.Field("matches", t.Checkable ? t.Matches : null);
        });
        writer.ObjectOrNull("crash", analysis.Crash, (w, crash) => Crash(w, capture, crash));
        writer.Field("findings", ReportOrder.Findings(analysis).Select(f => JsonRow.Of(ReportTables.Findings, (capture, f))));
        writer.Field("diagnostics", capture.Diagnostics.Items.Select(Diagnostic));
    }

    private static void Crash(Utf8JsonWriter writer, Capture capture, CrashReport crash)
    {
        writer.Field("verdict", ReportValues.Verdict(crash.Verdict));
        writer.Field("summary", ReportValues.Text(crash.Summary));
        writer.Field("evidence", crash.Evidence.Select(e => ReportValues.Text(e)));
        writer.Field("signature", ReportValues.Text(crash.Signature));
        writer.Field("abort_message", crash.AbortMessage);
        writer.Field("signal", crash.SignalName);
        writer.Field("signal_number", crash.SignalNumber);
        writer.Field("signal_code", crash.SignalCodeName);
        writer.Field("fault_address", crash.FaultAddress is { } f ? ReportValues.Address(f) : null);
        writer.Field("fault_location", ReportValues.Text(crash.FaultLocation));
        writer.Field("crashing_thread_id", crash.CrashingThreadId);
        writer.Objects("threads", crash.Threads, (w, t) => Thread(w, capture, t));
    }

    private static void Thread(Utf8JsonWriter writer, Capture capture, ThreadLocation t)
    {
        writer.Field("tid", t.Tid);
        writer.Field("is_crashing", t.IsCrashing);
        writer.Field("signal", t.Signal);
        writer.Field("pc", ReportValues.Address(t.ProgramCounter));
        writer.Field("pc_location", ReportValues.Text(t.ProgramCounterLocation));
        writer.Field("sp", ReportValues.Address(t.StackPointer));
        writer.Field("sp_location", ReportValues.Text(t.StackPointerLocation));
        writer.Field("frames", t.Frames.Select((f, i) => JsonRow.Of(ReportTables.Frames, new FrameRow(capture, t.Tid, t.IsCrashing, i, f))));
    }

    // A diagnostic is written inside its input or capture, which the table's first columns name.
    private static JsonRow Diagnostic(Diagnostic d) => JsonRow.Of(ReportTables.Diagnostics, ("", null, d));
}

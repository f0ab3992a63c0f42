using Forensics.Analysis.Comparison.Changes;
using Forensics.Analysis.Findings;
using Forensics.Analysis;
using Forensics.Model;
using static Forensics.Reports.Markdown.MarkdownCell;

namespace Forensics.Reports.Markdown;

/// <summary>
/// Writes <c>index.md</c>, the ticket summary: the first screen says what was analysed, which captures
/// crashed and why, the high-severity findings and what changed against the baseline; details follow.
/// </summary>
public static class IndexReportWriter
{
    /// <summary>At most this many high-severity findings are listed on the first screen.</summary>
    public const int FirstScreenFindings = 15;

    /// <summary>At most this many layout verdicts are listed; comparison.csv has every one.</summary>
    public const int FirstScreenChanges = 20;

    public static string Write(PreparedRun run) => MarkdownDocument.Render(text => Write(run, text));

    /// <summary>Writes the report to <paramref name="output"/> as it is made.</summary>
    public static void Write(PreparedRun run, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(run);
        var document = new MarkdownDocument(output);
        document.Heading(1, "Memory layout analysis");
        document.Paragraph("Analysed " + run.Counts + ".");
        if (run.Comparison is { } fleet)
            FleetSummarySection.Write(document, run, fleet, 2);

        document.Heading(2, "Crashes");
        document.Bullets(run.Captures.Where(a => a.Crash is { Verdict: not Analysis.Crash.CrashVerdict.NoCrash }).Select(a => Trusted(
            CaptureLink(run, a).Markdown + ": " + Bold(ReportValues.Verdict(a.Crash!.Verdict)).Markdown + ", "
            + ((MarkdownCell)a.Crash.Summary).Markdown
            + (!a.Crash.Signature.IsEmpty ? " (signature " + ((MarkdownCell)a.Crash.Signature).Markdown + ")" : ""))));
        if (!run.Captures.Any(a => a.Crash is { Verdict: not Analysis.Crash.CrashVerdict.NoCrash }))
            document.Paragraph(Trusted("_no capture shows a crash_"));

        document.Heading(2, "High-severity findings");
        var high = run.Captures.SelectMany(a => ReportOrder.Findings(a).Where(f => f.Severity == FindingSeverity.High).Select(f => (a, f))).ToList();
        document.Bullets(high.Take(FirstScreenFindings).Select(x => Trusted(
            CaptureLink(run, x.a).Markdown + ": " + ((MarkdownCell)x.f.Rule).Markdown + ", " + ((MarkdownCell)x.f.Message).Markdown)));
        if (high.Count > FirstScreenFindings)
            document.Paragraph(Trusted("and " + ReportValues.Number(high.Count - FirstScreenFindings) + " more in "), Link("findings.csv", "findings.csv"));
        if (high.Count == 0)
            document.Paragraph(Trusted("_no high-severity findings_"));

        document.Heading(2, "Changes against each program's baseline");
        if (run.Comparison is { } comparison)
        {
            document.Paragraph(Trusted("Each capture against the baseline of its program group; details in "), Link("compare.md", "compare.md"), Trusted("."));
            var layouts = run.ComparisonRows.Where(r => r.Source.Subject.Type == SubjectType.Layout).ToList();
            document.Bullets(layouts.Take(FirstScreenChanges).Select(r => Trusted(
                ((MarkdownCell)r.CaptureId).Markdown + " against " + BaselineLink(run, r.BaselineId).Markdown + ": " + ((MarkdownCell)r.Change).Markdown
                + (r.Value is { Length: > 0 } v ? " (" + ((MarkdownCell)v).Markdown + ")" : ""))));
            if (layouts.Count > FirstScreenChanges)
                document.Paragraph(Trusted("and " + ReportValues.Number(layouts.Count - FirstScreenChanges) + " more in "), Link("comparison.csv", "comparison.csv"));
            document.Bullets(comparison.RareModules.Select(m => Trusted(
                "only " + ReportValues.Number(m.CaptureIds.Count) + " of " + ReportValues.Number(m.ProgramCaptures) + " captures of "
                + ((MarkdownCell)m.Program).Markdown + " map " + ((MarkdownCell)m.Module).Markdown)));
            document.Bullets(run.ComparisonRows.Where(r => r.Source.Kind == ChangeKind.SteadyGrowth).Select(r => Trusted(
                ((MarkdownCell)r.Subject).Markdown + " grows steadily from " + ((MarkdownCell)r.BaselineId).Markdown + " to " + ((MarkdownCell)r.CaptureId).Markdown
                + ": " + ((MarkdownCell)r.BaselineValue).Markdown + " → " + ((MarkdownCell)r.Value).Markdown)));
        }
        else
        {
            document.Paragraph(Trusted("_nothing compared (fewer than two captures)_"));
        }

        document.Heading(2, "Details");
        document.Bullets([
            Link("compare.md", "compare.md"), Link("captures.csv", "captures.csv"), Link("regions.csv", "regions.csv"),
            Link("modules.csv", "modules.csv"), Link("findings.csv", "findings.csv"), Link("comparison.csv", "comparison.csv"),
            Link("inputs.csv", "inputs.csv"), Link("diagnostics.csv", "diagnostics.csv"), Link("programs.csv", "programs.csv"), Link("versions.csv", "versions.csv")]);

        document.Heading(2, "Captures");
        document.Table(
            ["capture", "arch", "PID", "process", "regions", "mapped bytes", "findings", "crash verdict"],
            run.Captures.Select(a => (IReadOnlyList<MarkdownCell>)[
                CaptureLink(run, a), a.Capture.Architecture.ToId(), ReportValues.Number(a.Capture.Pid), a.Capture.ProcessName,
                ReportValues.Number(a.Capture.Regions.Count), ReportValues.Number(run.MappedBytesOf(a.Capture)), ReportValues.Number(a.Findings.Count),
                a.Crash is { } crash ? ReportValues.Verdict(crash.Verdict) : ""]),
            "no captures");

        document.Heading(2, "Inputs");
        document.Table(
            ["input", "status", "problem", "reason", "bytes", "captures"],
            run.Inputs.Select(i => (IReadOnlyList<MarkdownCell>)[
                i.Path, i.Status == InputStatus.Ok ? i.Status.ToId() : Bold(i.Status.ToId()), i.Problem.ToId(), i.Reason, ReportValues.Number(i.Bytes), ReportValues.Number(i.CaptureIds.Count)]),
            "no inputs");

        document.Heading(2, "Diagnostics");
        document.Table(
            ["input", "severity", "id", "where", "message"],
            run.Inputs.SelectMany(i => i.Diagnostics.Select(d => (IReadOnlyList<MarkdownCell>)[
                i.Path, ReportValues.Severity(d.Severity), d.Id, d.Location.ToString(), d.Message])),
            "no diagnostics about the inputs as a whole");
        document.Table(
            ["capture", "errors", "warnings", "info"],
            run.Captures.Where(a => a.Capture.Diagnostics.Count > 0).Select(a => (IReadOnlyList<MarkdownCell>)[
                CaptureLink(run, a),
                ReportValues.Number(a.Capture.Diagnostics.Items.Count(d => d.Severity == DiagnosticSeverity.Error)),
                ReportValues.Number(a.Capture.Diagnostics.Items.Count(d => d.Severity == DiagnosticSeverity.Warning)),
                ReportValues.Number(a.Capture.Diagnostics.Items.Count(d => d.Severity == DiagnosticSeverity.Info))]));
    }

    internal static MarkdownCell CaptureLink(PreparedRun run, CaptureAnalysis analysis) =>
        Link(analysis.Capture.Id, "captures/" + run.SlugOf(analysis.Capture.Id) + ".md");

    private static MarkdownCell BaselineLink(PreparedRun run, string baselineId) =>
        Link(baselineId, "captures/" + run.SlugOf(baselineId) + ".md");
}

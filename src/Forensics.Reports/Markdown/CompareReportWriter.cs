using Forensics.Model;
using static Forensics.Reports.Markdown.MarkdownCell;

namespace Forensics.Reports.Markdown;

/// <summary>Writes <c>compare.md</c>: the captures side by side against the baseline.</summary>
public static class CompareReportWriter
{
    public static string Write(PreparedRun run) => MarkdownDocument.Render(text => Write(run, text));

    /// <summary>Writes the report to <paramref name="output"/> as it is made.</summary>
    public static void Write(PreparedRun run, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(run);
        var document = new MarkdownDocument(output);
        document.Heading(1, "Comparison");
        document.Paragraph(Link("back to the run summary", "index.md"));
        if (run.Comparison is not { } comparison)
        {
            document.Paragraph(Trusted("_nothing compared (fewer than two captures)_"));
            return;
        }
        document.Paragraph(Trusted("Baseline: " + ((MarkdownCell)comparison.BaselineId).Markdown + ". "
            + (comparison.SuccessiveSnapshots ? "The captures are successive snapshots of one process, in time order." : "")));

        document.Heading(2, "Layouts");
        var byId = run.Captures.ToDictionary(a => a.Capture.Id, StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var id in comparison.CaptureIds)
        {
            if (byId.TryGetValue(id, out var analysis))
            {
                var bar = LayoutPicture.TextBar(analysis.Capture);
                // Slugs hold only [a-z0-9-], so nothing from the evidence enters the code block.
                lines.Add(run.SlugOf(id) + "  " + (bar.Count > 1 ? bar[1] : bar[0]));
            }
        }
        document.Code(lines);

        document.Heading(2, "Totals by kind");
        var columns = comparison.CaptureIds.Select((id, i) => "#" + ReportValues.Number(i + 1)).ToList();
        document.Paragraph(Trusted(string.Join(", ", comparison.CaptureIds.Select((id, i) => "#" + ReportValues.Number(i + 1) + " " + ((MarkdownCell)id).Markdown))));
        document.Table(
            [.. new MarkdownCell[] { "kind" }, .. columns.Select(c => (MarkdownCell)c), "steady growth"],
            comparison.KindTotals.Select(k => (IReadOnlyList<MarkdownCell>)[
                k.Kind.ToId(), .. k.Bytes.Select(b => (MarkdownCell)ReportValues.Number(b)), k.GrowsSteadily ? "yes" : ""]));

        document.Heading(2, "Crashes by signature");
        document.Table(
            ["signature", "verdict", "summary", "captures"],
            comparison.Crashes.Select(c => (IReadOnlyList<MarkdownCell>)[
                c.Signature, ReportValues.Verdict(c.Verdict), c.Summary, string.Join(", ", c.CaptureIds)]),
            "no crashes");

        document.Heading(2, "Modules only some captures of a program map");
        document.Table(
            ["program", "module", "captures"],
            comparison.RareModules.Select(m => (IReadOnlyList<MarkdownCell>)[
                m.Program, m.Module, ReportValues.Number(m.CaptureIds.Count) + " of " + ReportValues.Number(m.ProgramCaptures) + ": " + string.Join(", ", m.CaptureIds)]),
            "none");

        if (comparison.CaptureIds.Count > 2)
        {
            document.Heading(2, "Presence matrix");
            document.Table(
                [.. new MarkdownCell[] { "module" }, .. columns.Select(c => (MarkdownCell)c)],
                comparison.Presence.Select(p => (IReadOnlyList<MarkdownCell>)[p.Module, .. p.Present.Select(x => (MarkdownCell)(x ? "x" : ""))]));
        }

        document.Heading(2, "Changes");
        document.Table(
            ["capture", "subject", "change", "baseline value", "value", "delta"],
            run.ComparisonRows.Select(r => (IReadOnlyList<MarkdownCell>)[r.CaptureId, r.Subject, r.Change, r.BaselineValue, r.Value, r.Delta]),
            "no changes");
    }
}

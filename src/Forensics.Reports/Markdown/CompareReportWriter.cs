using Forensics.Model;
using static Forensics.Reports.Markdown.MarkdownCell;

namespace Forensics.Reports.Markdown;

/// <summary>
/// Writes <c>compare.md</c>: the fleet summary, then the captures side by side, each against its program group's baseline. The page grows at most linearly with the
/// captures: the module-by-capture matrix is drawn only for a few captures, lists of captures are cut to their first
/// ones with a count, and a long list of changes is summarised by kind before its first rows (comparison.csv has all).
/// </summary>
public static class CompareReportWriter
{
    /// <summary>Captures up to which the presence matrix (modules by captures) is drawn.</summary>
    public const int MaxMatrixCaptures = 20;

    /// <summary>Capture ids listed in one cell before the rest is counted.</summary>
    public const int MaxIdsInCell = 10;

    /// <summary>Change rows shown on the page; comparison.csv holds every one.</summary>
    public const int MaxChangeRows = 1000;

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
        FleetSummarySection.Write(document, run, comparison, 2);
        if (comparison.SuccessiveSnapshots)
            document.Paragraph(Trusted("The captures are successive snapshots of one process, in time order."));

        document.Heading(2, "Layouts");
        var byId = run.Captures.ToDictionary(a => a.Capture.Id, StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var id in comparison.CaptureIds)
        {
            if (byId.TryGetValue(id, out var analysis))
            {
                var bar = LayoutPicture.TextBar(analysis.Capture);
                // Report file names hold only [a-z0-9._+~-], so nothing from the evidence can break out of the code block.
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
            ReportOrder.CrashGroups(comparison).Select(c => (IReadOnlyList<MarkdownCell>)[
                c.Signature, ReportValues.Verdict(c.Verdict), c.Summary, Ids(c.CaptureIds)]),
            "no crashes");

        document.Heading(2, "Modules only some captures of a program map");
        document.Table(
            ["program", "module", "captures"],
            comparison.RareModules.Select(m => (IReadOnlyList<MarkdownCell>)[
                m.Program, m.Module, ReportValues.Number(m.CaptureIds.Count) + " of " + ReportValues.Number(m.ProgramCaptures) + ": " + Ids(m.CaptureIds)]),
            "none");

        if (comparison.CaptureIds.Count > MaxMatrixCaptures)
        {
            document.Heading(2, "Presence matrix");
            document.Paragraph(Trusted("_" + ReportValues.Number(comparison.CaptureIds.Count) + " captures are too many to draw side by side; modules.csv gives every capture's modules._"));
        }
        else if (comparison.CaptureIds.Count > 2)
        {
            document.Heading(2, "Presence matrix");
            document.Table(
                [.. new MarkdownCell[] { "module" }, .. columns.Select(c => (MarkdownCell)c)],
                comparison.Presence.Select(p => (IReadOnlyList<MarkdownCell>)[p.Module, .. p.Present.Select(x => (MarkdownCell)(x ? "x" : ""))]));
        }

        document.Heading(2, "Changes");
        var changes = run.ComparisonRows;
        if (changes.Count > MaxChangeRows)
        {
            document.Paragraph(Trusted(ReportValues.Number(changes.Count) + " changes, by kind below, then the first "
                + ReportValues.Number(MaxChangeRows) + "; comparison.csv holds every one."));
            document.Table(
                ["subject", "change", "count"],
                changes.GroupBy(r => (r.Subject, r.Change)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Subject, StringComparer.Ordinal)
                    .ThenBy(g => g.Key.Change, StringComparer.Ordinal)
                    .Select(g => (IReadOnlyList<MarkdownCell>)[g.Key.Subject, g.Key.Change, ReportValues.Number(g.Count())]));
        }
        document.Table(
            ["capture", "baseline", "subject", "change", "baseline value", "value", "delta"],
            changes.Take(MaxChangeRows).Select(r => (IReadOnlyList<MarkdownCell>)[r.CaptureId, r.BaselineId, r.Subject, r.Change, r.BaselineValue, r.Value, r.Delta]),
            "no changes");
    }

    /// <summary>The first <see cref="MaxIdsInCell"/> capture ids, and how many more.</summary>
    private static string Ids(IReadOnlyCollection<string> ids) =>
        ids.Count <= MaxIdsInCell
            ? string.Join(", ", ids)
            : string.Join(", ", ids.Take(MaxIdsInCell)) + " and " + ReportValues.Number(ids.Count - MaxIdsInCell) + " more";
}

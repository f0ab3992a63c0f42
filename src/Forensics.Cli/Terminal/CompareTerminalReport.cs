using Forensics.Model;
using Forensics.Reports;
using Spectre.Console;

namespace Forensics.Cli.Terminal;

/// <summary>The comparison on the terminal: the facts of <c>compare.md</c>, every capture called by its label.</summary>
public static class CompareTerminalReport
{
    public static void Write(IAnsiConsole console, PreparedRun run, CaptureLabels labels)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(labels);
        var document = new TerminalDocument(console).Title("Comparison");
        if (run.Comparison is not { } comparison)
        {
            document.Line("Nothing compared (fewer than two captures).");
            return;
        }
        // Each program group has its own baseline; captures of different programs are not compared.
        foreach (var group in comparison.Groups)
        {
            document.Line(group.Members.Count > 1
                ? "Baseline: " + labels[group.BaselineId] + " (" + group.Program + ", " + group.Members.Count + " captures)."
                : "Alone: " + labels[group.BaselineId] + " (" + group.Program + "), not compared.");
        }
        if (comparison.SuccessiveSnapshots)
            document.Line("The captures are successive snapshots of one process, in time order.");

        var byId = run.Captures.ToDictionary(a => a.Capture.Id, StringComparer.Ordinal);
        var width = comparison.CaptureIds.Max(id => labels[id].Length);
        document.Heading("Layouts").Lines(comparison.CaptureIds.Where(byId.ContainsKey).Select(id =>
        {
            var bar = LayoutPicture.TextBar(byId[id].Capture);
            return labels[id].PadRight(width) + "  " + (bar.Count > 1 ? bar[1] : bar[0]);
        }));

        var columns = comparison.CaptureIds.Select((id, i) => "#" + ReportValues.Number(i + 1)).ToList();
        document.Heading("Totals by kind");
        document.Lines(comparison.CaptureIds.Select((id, i) => columns[i] + " " + labels[id]));
        document.Table(
            ["kind", .. columns, "steady growth"],
            comparison.KindTotals.Select(k => (IReadOnlyList<string?>)[
                k.Kind.ToId(), .. k.Bytes.Select(ReportValues.Number), k.GrowsSteadily ? "yes" : ""]),
            "no regions");

        document.Heading("Crashes by signature").Table(
            ["signature", "verdict", "summary", "captures"],
            ReportOrder.CrashGroups(comparison).Select(c => (IReadOnlyList<string?>)[
                ReportValues.Text(c.Signature), ReportValues.Verdict(c.Verdict), ReportValues.Text(c.Summary), Join(c.CaptureIds, labels)]),
            "no crashes");

        document.Heading("Modules only some captures of a program map").Table(
            ["program", "module", "captures"],
            comparison.RareModules.Select(m => (IReadOnlyList<string?>)[
                m.Program, m.Module,
                ReportValues.Number(m.CaptureIds.Count) + " of " + ReportValues.Number(m.ProgramCaptures) + ": " + Join(m.CaptureIds, labels)]),
            "none");

        if (comparison.CaptureIds.Count > 2)
        {
            document.Heading("Presence matrix").Table(
                ["module", .. columns],
                comparison.Presence.Select(p => (IReadOnlyList<string?>)[p.Module, .. p.Present.Select(x => x ? "x" : "")]),
                "no modules");
        }

        document.Heading("Changes").Table(
            ["capture", "baseline", "subject", "change", "baseline value", "value", "delta"],
            run.ComparisonRows.Select(r => (IReadOnlyList<string?>)[labels[r.CaptureId], labels[r.BaselineId], r.Subject, r.Change, r.BaselineValue, r.Value, r.Delta]),
            "no changes");
    }

    private static string Join(IEnumerable<string> captureIds, CaptureLabels labels) => string.Join(", ", captureIds.Select(id => labels[id]));
}

using Forensics.Analysis;
using Forensics.Analysis.Findings;
using Forensics.Model;
using static Forensics.Reports.Markdown.MarkdownCell;

namespace Forensics.Reports.Markdown;

/// <summary>
/// Writes <c>captures/SLUG.md</c>: one capture in full, led by what a responder wants first (the crash and the
/// high-severity findings), then the layout and the tables.
/// </summary>
public static class CaptureReportWriter
{
    public static string Write(PreparedRun run, CaptureAnalysis analysis) => MarkdownDocument.Render(text => Write(run, analysis, text));

    /// <summary>
    /// Writes the report to <paramref name="output"/> as it is made; <paramref name="segments"/> are the capture's
    /// <see cref="LayoutPicture.Segments"/> when the caller has them already.
    /// </summary>
    public static void Write(PreparedRun run, CaptureAnalysis analysis, TextWriter output, IReadOnlyList<LayoutSegment>? segments = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(analysis);
        var capture = analysis.Capture;
        var slug = run.SlugOf(capture.Id);
        var document = new MarkdownDocument(output);
        document.Heading(1, Trusted("Capture " + ((MarkdownCell)capture.Id).Markdown));
        document.Paragraph(Link("back to the run summary", "../index.md"));

        document.Heading(2, "Summary");
        document.Bullets(Summary(run, analysis));

        // What a responder wants first: why it crashed and what is alarming; the layout and the tables follow.
        if (analysis.Crash is { } crash)
            CrashSection.Write(document, crash, capture);

        var findings = ReportOrder.Findings(analysis).ToLookup(f => f.Severity == FindingSeverity.High);
        document.Heading(2, "High-severity findings");
        FindingsTable(document, findings[true], "no high-severity findings");

        document.Heading(2, "Layout");
        document.Paragraph(Trusted("The address space from low to high addresses, gaps compressed; "), Link("SVG picture", slug + ".svg"), Trusted("."));
        document.Code(LayoutPicture.TextBar(segments ?? LayoutPicture.Segments(capture)));

        document.Heading(2, "Totals by kind");
        document.Table(
            ["kind", "regions", "bytes", "size"],
            run.TotalsOf(capture).Present.Select(t => (IReadOnlyList<MarkdownCell>)[
                t.Kind.ToId(), ReportValues.Number(t.Regions), ReportValues.Number(t.Bytes), ReportValues.HumanBytes(t.Bytes)]),
            "no regions");
        if (capture.DeclaredTotals.Count > 0)
        {
            document.Heading(3, "Totals the source declares");
            document.Table(
                ["total", "declared bytes", "computed bytes", "matches", "where"],
                capture.DeclaredTotals.Select(t => (IReadOnlyList<MarkdownCell>)[
                    t.Name, ReportValues.Number(t.DeclaredBytes), ReportValues.Number(t.ComputedBytes), !t.Checkable ? "not checkable" : t.Matches ? "yes" : Bold("no"),
                    t.Location.ToString()]));
        }

        document.Heading(2, "Modules");
        BoundedTable(document,
            ["module", "path", "base", "end", "size", "build-id"],
            ReportOrder.Modules(capture).Select(m => (IReadOnlyList<MarkdownCell>)[
                m.Name, m.Path + (m.Deleted ? " (deleted)" : ""), ReportValues.Address(m.Base), ReportValues.Address(m.End),
                ReportValues.Number(m.Size), m.BuildId]),
            capture.Modules.Count, "modules", "modules.csv");

        document.Heading(2, "Other findings");
        FindingsTable(document, findings[false], "no other findings");

        if (capture.ArchitectureEvidence.Count > 0)
        {
            document.Heading(2, "Architecture");
            document.Paragraph(Trusted("Architecture **" + capture.Architecture.ToId() + "** because:"));
            document.Bullets(capture.ArchitectureEvidence.Select(e => (MarkdownCell)e));
        }

        document.Heading(2, "Regions");
        BoundedTable(document,
            ["start", "end", "size", "perms", "offset", "device", "inode", "kind", "module", "name"],
            capture.Regions.Select(r => (IReadOnlyList<MarkdownCell>)[
                ReportValues.Address(r.Start), ReportValues.Address(r.End), ReportValues.Number(r.Size), r.Permissions.ToString(),
                ReportValues.Address(r.Offset), r.Device, ReportValues.Number(r.Inode), r.Kind.ToId(), r.Module, r.DisplayName]),
            capture.Regions.Count, "regions", "regions.csv");

        document.Heading(2, "Diagnostics");
        DiagnosticsTable(document, capture.Diagnostics.Items);
    }

    /// <summary>Rows a page shows of one table; the whole table is in its CSV, so a page stays readable and bounded.</summary>
    internal const int MaxPageRows = 5_000;

    private static void BoundedTable(MarkdownDocument document, IReadOnlyList<MarkdownCell> headers, IEnumerable<IReadOnlyList<MarkdownCell>> rows,
        int count, string what, string csv)
    {
        document.Table(headers, rows.Take(MaxPageRows), "no " + what);
        if (count > MaxPageRows)
            document.Paragraph(Trusted("_The first " + ReportValues.Number(MaxPageRows) + " of " + ReportValues.Number(count) + " " + what
                + "; all of them are in " + csv + "._"));
    }

    private static void FindingsTable(MarkdownDocument document, IEnumerable<Finding> findings, string empty) =>
        document.Table(
            ["severity", "rule", "start", "end", "name", "message"],
            findings.Select(f => (IReadOnlyList<MarkdownCell>)[
                ReportValues.Severity(f.Severity), f.Rule, ReportValues.Address(f.Start), ReportValues.Address(f.End), f.Name, f.Message]),
            empty);

    internal static void DiagnosticsTable(MarkdownDocument document, IEnumerable<Diagnostic> diagnostics) =>
        document.Table(
            ["severity", "id", "where", "message"],
            diagnostics.Select(d => (IReadOnlyList<MarkdownCell>)[ReportValues.Severity(d.Severity), d.Id, d.Location.ToString(), d.Message]),
            "no diagnostics");

    private static IEnumerable<MarkdownCell> Summary(PreparedRun run, CaptureAnalysis analysis)
    {
        var capture = analysis.Capture;
        var input = (MarkdownCell)capture.InputPath;
        var lines = capture.LineRange is { } range
            ? " lines " + ReportValues.Number(range.First) + "–" + ReportValues.Number(range.Last)
            : "";
        yield return Trusted("Input: " + input.Markdown + lines);
        foreach (var merged in capture.MergedInputs)
            yield return Trusted("Merged with: " + ((MarkdownCell)merged).Markdown);
        if (run.InputOf(capture.Id) is { } record)
            yield return Trusted("Input status: " + record.Status.ToId());
        yield return Trusted("SHA-256: " + (capture.Sha256.Length > 0 ? ((MarkdownCell)capture.Sha256).Markdown : "not computed"));
        yield return Trusted("Format: " + capture.Format.ToId() + (capture.Variant.Length > 0 ? " (" + ((MarkdownCell)capture.Variant).Markdown + ")" : ""));
        yield return Trusted("Architecture: " + capture.Architecture.ToId());
        if (capture.UnsupportedReason is { } unsupported)
            yield return Trusted("Not analysed: " + ((MarkdownCell)unsupported).Markdown + "; no crash verdict and no findings");
        if (capture.Pid is { } pid)
            yield return Trusted("PID: " + ReportValues.Number(pid));
        if (capture.ProcessName is { } name)
            yield return Trusted("Process: " + ((MarkdownCell)name).Markdown);
        if (capture.CommandLine is { } commandLine)
            yield return Trusted("Command line: " + ((MarkdownCell)commandLine).Markdown);
        foreach (var fact in capture.Facts)
            yield return Trusted(((MarkdownCell)fact.Name).Markdown + ": " + ((MarkdownCell)fact.Value).Markdown);
        yield return Trusted(ReportValues.RegionsAndMappedBytes(capture.Regions.Count, run.MappedBytesOf(capture)));
        yield return Trusted("Modules: " + ReportValues.Number(capture.Modules.Count));
        if (capture.Threads.Count > 0)
            yield return Trusted("Threads: " + ReportValues.Number(capture.Threads.Count));
        if (capture.Runtime is { } runtime)
            yield return Trusted("Managed runtime: " + ((MarkdownCell)(runtime.Flavor + " " + runtime.Version)).Markdown);
        yield return Trusted("Findings: " + ReportValues.Number(analysis.Findings.Count) + ", diagnostics: " + ReportValues.Number(capture.Diagnostics.Count));
    }
}

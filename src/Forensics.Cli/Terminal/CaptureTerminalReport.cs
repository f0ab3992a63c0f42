using Forensics.Analysis;
using Forensics.Model;
using Forensics.Reports;
using Spectre.Console;

namespace Forensics.Cli.Terminal;

/// <summary>One capture in full on the terminal, for <c>forensics show</c>: the facts of <c>captures/SLUG.md</c>.</summary>
public static class CaptureTerminalReport
{
    /// <summary>Every capture of <paramref name="run"/>, one after the other.</summary>
    public static void Write(IAnsiConsole console, PreparedRun run, CaptureLabels labels)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(labels);
        var document = new TerminalDocument(console);
        foreach (var analysis in run.Captures)
            Write(document, run, analysis, labels[analysis.Capture.Id]);
    }

    private static void Write(TerminalDocument document, PreparedRun run, CaptureAnalysis analysis, string label)
    {
        var capture = analysis.Capture;
        document.Title(label);
        document.Heading("Summary").Lines(Summary(run, analysis));
        if (capture.ArchitectureEvidence.Count > 0)
            document.Lines(["Architecture " + capture.Architecture.ToId() + " because:", .. capture.ArchitectureEvidence.Select(e => "  " + e)]);

        document.Heading("Layout").Lines(["The address space from low to high addresses, gaps compressed.", .. LayoutPicture.TextBar(capture)]);

        document.Heading("Totals by kind").Table(
            ["kind", "regions", "bytes", "size"],
            capture.Regions.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g =>
            {
                var bytes = g.Aggregate(0UL, (sum, r) => sum + r.Size);
                return (IReadOnlyList<string?>)[g.Key.ToId(), ReportValues.Number(g.Count()), ReportValues.Number(bytes), ReportValues.HumanBytes(bytes)];
            }),
            "no regions");
        if (capture.DeclaredTotals.Count > 0)
        {
            document.Heading("Totals the source declares").Table(
                ["total", "declared bytes", "computed bytes", "matches", "where"],
                capture.DeclaredTotals.Select(t => (IReadOnlyList<string?>)[
                    t.Name, ReportValues.Number(t.DeclaredBytes), ReportValues.Number(t.ComputedBytes), !t.Checkable ? "not checkable" : t.Matches ? "yes" : "NO",
                    t.Location.ToString()]),
                "no declared totals");
        }

        document.Heading("Modules").Table(
            ["module", "path", "base", "end", "size", "build-id"],
            ReportOrder.Modules(capture).Select(m => (IReadOnlyList<string?>)[
                m.Name, m.Path + (m.Deleted ? " (deleted)" : ""), ReportValues.Address(m.Base), ReportValues.Address(m.End),
                ReportValues.Number(m.Size), m.BuildId]),
            "no modules");

        if (analysis.Crash is { } crash)
            CrashTerminalReport.WriteSection(document, crash, capture.Runtime);

        document.Heading("Findings").Table(
            ["severity", "rule", "start", "end", "name", "message"],
            ReportOrder.Findings(analysis).Select(f => (IReadOnlyList<string?>)[
                ReportValues.Severity(f.Severity), f.Rule, ReportValues.Address(f.Start), ReportValues.Address(f.End), f.Name, ReportValues.Text(f.Message)]),
            "no findings");

        document.Heading("Regions").Table(
            ["start", "end", "size", "perms", "offset", "device", "inode", "kind", "module", "name"],
            capture.Regions.Select(r => (IReadOnlyList<string?>)[
                ReportValues.Address(r.Start), ReportValues.Address(r.End), ReportValues.Number(r.Size), r.Permissions.ToString(),
                ReportValues.Address(r.Offset), r.Device, ReportValues.Number(r.Inode), r.Kind.ToId(), r.Module, r.DisplayName]),
            "no regions");

        document.Heading("Diagnostics").Table(
            ["severity", "id", "where", "message"],
            capture.Diagnostics.Items.Select(d => (IReadOnlyList<string?>)[ReportValues.Severity(d.Severity), d.Id, d.Location.ToString(), d.Message]),
            "no diagnostics");
    }

    private static IEnumerable<string> Summary(PreparedRun run, CaptureAnalysis analysis)
    {
        var capture = analysis.Capture;
        yield return "Capture id: " + capture.Id;
        yield return "Input: " + capture.InputPath
            + (capture.LineRange is { } range ? " lines " + ReportValues.Number(range.First) + "–" + ReportValues.Number(range.Last) : "");
        foreach (var merged in capture.MergedInputs)
            yield return "Merged with: " + merged;
        if (run.InputOf(capture.Id) is { } record)
            yield return "Input status: " + record.Status.ToId();
        yield return "SHA-256: " + (capture.Sha256.Length > 0 ? capture.Sha256 : "not computed (analyze computes it)");
        yield return "Format: " + capture.Format.ToId() + (capture.Variant.Length > 0 ? " (" + capture.Variant + ")" : "");
        yield return "Architecture: " + capture.Architecture.ToId();
        if (capture.UnsupportedReason is { } unsupported)
            yield return "Not analysed: " + unsupported + "; no crash verdict and no findings";
        if (capture.Pid is { } pid)
            yield return "PID: " + ReportValues.Number(pid);
        if (capture.ProcessName is { } name)
            yield return "Process: " + name;
        if (capture.CommandLine is { } commandLine)
            yield return "Command line: " + commandLine;
        yield return ReportValues.RegionsAndMappedBytes(capture.Regions.Count, capture.MappedBytes);
        yield return "Modules: " + ReportValues.Number(capture.Modules.Count);
        if (capture.Threads.Count > 0)
            yield return "Threads: " + ReportValues.Number(capture.Threads.Count);
        if (capture.Runtime is { } runtime)
            yield return "Managed runtime: " + runtime.Flavor + " " + runtime.Version;
        yield return "Findings: " + ReportValues.Number(analysis.Findings.Count) + ", diagnostics: " + ReportValues.Number(capture.Diagnostics.Count);
    }
}

using Forensics.Analysis.Comparison.Programs;
using Forensics.Analysis.Comparison;
using static Forensics.Reports.Markdown.MarkdownCell;

namespace Forensics.Reports.Markdown;

/// <summary>
/// The fleet summary at the top of <c>index.md</c> and <c>compare.md</c>: captures and crashes per program, crash groups
/// by signature, module version skew, findings by rule and the captures most different from their group's baseline.
/// Each list shows its first <see cref="MaxRows"/> rows and names the CSV table that holds them all, so the page
/// grows at most linearly with the captures.
/// </summary>
internal static class FleetSummarySection
{
    /// <summary>Rows of each list on the page.</summary>
    public const int MaxRows = 10;

    public static void Write(MarkdownDocument document, PreparedRun run, ComparisonReport comparison, int level)
    {
        var groups = comparison.Groups;
        var compared = groups.Where(g => g.Members.Count > 1).ToList();
        document.Heading(level, "Fleet summary");
        document.Paragraph(Trusted(ReportValues.Number(comparison.CaptureIds.Count) + " captures of " + ReportValues.Number(groups.Count)
            + (groups.Count == 1 ? " program: " : " programs: ") + ReportValues.Number(compared.Sum(g => g.Members.Count)) + " in " + ReportValues.Number(compared.Count)
            + " groups of several, each compared with its own baseline; " + ReportValues.Number(groups.Count - compared.Count)
            + " alone, not compared. Captures of different programs are never compared."));

        document.Heading(level + 1, "Programs");
        var programs = groups.OrderByDescending(g => g.Members.Count).ThenBy(g => g.Program, StringComparer.Ordinal).ThenBy(g => g.BaselineId, StringComparer.Ordinal).ToList();
        document.Table(
            ["program", "decided by", "captures", "crashed", "baseline"],
            programs.Take(MaxRows).Select(g => (IReadOnlyList<MarkdownCell>)[
                g.Program, Evidence(g), ReportValues.Number(g.Members.Count), ReportValues.Number(g.Members.Count(m => m.Crashed)),
                g.Members.Count > 1 ? Trusted(((MarkdownCell)g.BaselineId).Markdown + " (" + ReportValues.BaselineReason(g.BaselineReason) + ")") : "alone"]));
        More(document, programs.Count, "programs", "programs.csv");

        document.Heading(level + 1, "Crash groups by signature");
        document.Table(
            ["signature", "verdict", "captures"],
            ReportOrder.CrashGroups(comparison).Take(MaxRows).Select(c => (IReadOnlyList<MarkdownCell>)[c.Signature, ReportValues.Verdict(c.Verdict), ReportValues.Number(c.CaptureIds.Count)]),
            "no crashes");
        More(document, comparison.Crashes.Count, "signatures", "captures.csv");

        document.Heading(level + 1, "Module version skew");
        document.Table(
            ["module", "versions (build-id: captures)"],
            comparison.VersionSkew.Take(MaxRows).Select(m => (IReadOnlyList<MarkdownCell>)[
                m.Path, string.Join(", ", m.Versions.Take(MaxRows).Select(v => v.BuildId + ": " + ReportValues.Number(v.CaptureIds.Count)))
                    + (m.Versions.Count > MaxRows ? " and " + ReportValues.Number(m.Versions.Count - MaxRows) + " more" : "")]),
            "no library path is mapped with two build-ids");
        More(document, comparison.VersionSkew.Count, "modules", "versions.csv");

        document.Heading(level + 1, "Findings by rule");
        document.Table(
            ["rule", "findings", "captures"],
            comparison.FindingRules.Take(MaxRows).Select(r => (IReadOnlyList<MarkdownCell>)[r.Rule, ReportValues.Number(r.Findings), ReportValues.Number(r.Captures)]),
            "no findings");
        More(document, comparison.FindingRules.Count, "rules", "findings.csv");

        document.Heading(level + 1, "Most different from their baseline");
        document.Table(
            ["capture", "program", "baseline", "differences"],
            comparison.MostDifferent.Take(MaxRows).Select(d => (IReadOnlyList<MarkdownCell>)[
                d.CaptureId, d.Program, d.BaselineId, ReportValues.Number(d.Differences)]),
            "no capture differs from its baseline");
        More(document, comparison.MostDifferent.Count, "captures", "programs.csv");
    }

    /// <summary>The evidence that placed the group's captures, the strongest first, with how many each placed.</summary>
    private static string Evidence(ProgramGroup group) =>
        string.Join(", ", group.Members.GroupBy(m => m.Evidence).OrderBy(e => e.Key)
            .Select(e => e.Key.ToId() + (group.Members.Count > 1 ? " ×" + ReportValues.Number(e.Count()) : "")));

    private static void More(MarkdownDocument document, int count, string what, string file)
    {
        if (count > MaxRows)
            document.Paragraph(Trusted("The first " + ReportValues.Number(MaxRows) + " of " + ReportValues.Number(count) + " " + what + "; "), Link(file, file), Trusted(" has them all."));
    }
}

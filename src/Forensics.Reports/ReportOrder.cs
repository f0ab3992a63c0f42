using Forensics.Analysis.Comparison;
using Forensics.Analysis.Findings;
using Forensics.Analysis;
using Forensics.Model;

namespace Forensics.Reports;

/// <summary>The stable orders items are reported in, shared by every format.</summary>
public static class ReportOrder
{
    public static IEnumerable<Module> Modules(Capture capture) =>
        capture.Modules.OrderBy(m => m.Base).ThenBy(m => m.Path, StringComparer.Ordinal);

    /// <summary>Most severe first, then by address and rule.</summary>
    public static IEnumerable<Finding> Findings(CaptureAnalysis analysis) =>
        analysis.Findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Start ?? 0)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => ReportValues.Text(f.Message), StringComparer.Ordinal);

    /// <summary>The signatures shared by most captures first, then by the signature as printed.</summary>
    public static IEnumerable<CrashGroup> CrashGroups(ComparisonReport comparison) =>
        comparison.Crashes
            .OrderByDescending(g => g.CaptureIds.Count)
            .ThenBy(g => ReportValues.Text(g.Signature), StringComparer.Ordinal);
}

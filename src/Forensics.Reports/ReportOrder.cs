using Forensics.Analysis;
using Forensics.Analysis.Findings;
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
            .ThenBy(f => f.Message, StringComparer.Ordinal);
}

namespace Forensics.Analysis.Comparison.Fleet;

/// <summary>How many findings of one rule the captures hold, and in how many captures.</summary>
public sealed record FindingRuleCount(string Rule, int Findings, int Captures)
{
    /// <summary>Every rule found, most findings first, then by rule.</summary>
    internal static IReadOnlyList<FindingRuleCount> Of(IReadOnlyList<CaptureAnalysis> captures) =>
    [
        .. captures
            .SelectMany(c => c.Findings.Select(f => (f.Rule, c.Capture.Id)))
            .GroupBy(f => f.Rule, StringComparer.Ordinal)
            .Select(g => new FindingRuleCount(g.Key, g.Count(), g.Select(f => f.Id).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(r => r.Findings).ThenBy(r => r.Rule, StringComparer.Ordinal),
    ];
}

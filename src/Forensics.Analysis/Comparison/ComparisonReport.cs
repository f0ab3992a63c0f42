using Forensics.Analysis.Comparison.Changes;
using Forensics.Analysis.Comparison.Fleet;
using Forensics.Analysis.Comparison.Programs;

namespace Forensics.Analysis.Comparison;

/// <summary>
/// What differs between captures and a baseline (docs/report-schema.md#comparisoncsv): the typed changes <c>comparison.csv</c> prints, the per-kind totals of
/// every capture, the crashes grouped by signature, and for many captures the module presence matrix and the modules
/// that only a few captures of one program have.
/// </summary>
public sealed record ComparisonReport
{
    /// <summary>The baseline of the first group of several captures (of the first group when every capture is alone); each group has its own.</summary>
    public required string BaselineId { get; init; }
    /// <summary>The captures by program, in natural order of their first capture; captures are compared only within their group.</summary>
    public IReadOnlyList<ProgramGroup> Groups { get; init; } = [];
    /// <summary>Every capture id in the report's order: by id, which is also time order for successive snapshots.</summary>
    public required IReadOnlyList<string> CaptureIds { get; init; }
    /// <summary>Every capture shows the same process (one group, one PID), so the order is a time series.</summary>
    public bool SuccessiveSnapshots { get; init; }
    /// <summary>
    /// Each capture's changes against the baseline, in capture order and, within a capture, in the order the comparison
    /// found them; then the kinds that grew steadily over successive snapshots. Reports put them in their own order.
    /// </summary>
    public IReadOnlyList<ComparisonChange> Changes { get; init; } = [];
    /// <summary>Bytes per kind, one series per kind present anywhere, aligned with <see cref="CaptureIds"/>.</summary>
    public IReadOnlyList<KindSeries> KindTotals { get; init; } = [];
    /// <summary>Module × capture, one row per module identity, aligned with <see cref="CaptureIds"/>.</summary>
    public IReadOnlyList<ModulePresence> Presence { get; init; } = [];
    /// <summary>Modules present in at most half (and not all) of the captures of one program: injected or preloaded code stands out.</summary>
    public IReadOnlyList<RareModule> RareModules { get; init; } = [];
    public IReadOnlyList<CrashGroup> Crashes { get; init; } = [];
    /// <summary>Library paths mapped with different build-ids across the captures, most captures first.</summary>
    public IReadOnlyList<ModuleVersions> VersionSkew { get; init; } = [];
    /// <summary>Findings by rule over every capture, most findings first.</summary>
    public IReadOnlyList<FindingRuleCount> FindingRules { get; init; } = [];
    /// <summary>The captures with the most differences from their group's baseline, most first.</summary>
    public IReadOnlyList<CaptureDifference> MostDifferent { get; init; } = [];
}

using Forensics.Analysis.Comparison;
using Forensics.Model;

namespace Forensics.Analysis;

/// <summary>
/// Everything one run produced, the single input of every report writer. Inputs and captures may come
/// in any order (writers sort them by path and id); <see cref="Comparison"/> is null when nothing was
/// compared (one capture, or the comparison was not asked for).
/// </summary>
public sealed record AnalysisRun(
    IReadOnlyList<InputRecord> Inputs,
    IReadOnlyList<CaptureAnalysis> Captures,
    ComparisonReport? Comparison);

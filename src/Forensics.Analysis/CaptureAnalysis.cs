using Forensics.Analysis.Crash;
using Forensics.Analysis.Findings;
using Forensics.Model;

namespace Forensics.Analysis;

/// <summary>A capture with what the analysis found in it.</summary>
public sealed record CaptureAnalysis(Capture Capture, CrashReport? Crash, IReadOnlyList<Finding> Findings);

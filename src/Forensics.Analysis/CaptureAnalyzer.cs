using Forensics.Analysis.Crash;
using Forensics.Analysis.Findings;
using Forensics.Analysis.Layout;
using Forensics.Model;

namespace Forensics.Analysis;

/// <summary>The analysis of one capture: its crash (cores) and its findings.</summary>
public static class CaptureAnalyzer
{
    /// <summary>
    /// Analyses <paramref name="capture"/>, which normalisation has already classified and grouped into modules.
    /// <paramref name="others"/> is every capture of the run (it may include <paramref name="capture"/>), for the
    /// rules that look across captures: a module at the same base in two process instances.
    /// </summary>
    public static CaptureAnalysis Analyze(Capture capture, IReadOnlyList<Capture> others)
    {
        ArgumentNullException.ThrowIfNull(capture);
        ArgumentNullException.ThrowIfNull(others);
        // A core of another system or machine, or a kdump vmcore: its layout means something else, so nothing is concluded.
        if (capture.UnsupportedReason is not null)
            return new CaptureAnalysis(capture, null, []);
        var map = new AddressMap(capture);
        var crash = CrashAnalyzer.Analyze(capture, map);
        var findings = FindingDetector.Detect(map, NoAslrIndex.For(others));
        return new CaptureAnalysis(capture, crash, findings);
    }
}

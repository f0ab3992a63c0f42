using Forensics.Analysis.Layout;
using Forensics.Analysis.Text;
using Forensics.Model;

namespace Forensics.Analysis.Crash;

/// <summary>What a verdict is decided from, and the evidence lines the decision adds.</summary>
internal sealed record CrashContext(
    Capture Capture,
    AddressMap Map,
    SignalInfo? Signal,
    ThreadInfo? Crashing,
    int Number,
    int? Code,
    int? OwnPid)
{
    public List<Sentence> Evidence { get; } = [];
}

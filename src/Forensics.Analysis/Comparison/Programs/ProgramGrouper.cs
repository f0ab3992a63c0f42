using Forensics.Model;
using Forensics.Analysis.Crash;

namespace Forensics.Analysis.Comparison.Programs;

/// <summary>
/// Puts captures into program groups. Captures with a main executable's build-id or full path come first, joined by
/// either (so the builds of one path are versions of one program, and a core and a maps of one build meet); then each
/// other capture joins the one group that its process name, or else its images, point at, or starts its own when
/// none or several do. Two known architectures that differ never share a group.
/// </summary>
public static class ProgramGrouper
{
    private static readonly ProgramEvidence[] WeakEvidence = [ProgramEvidence.ProcessName, ProgramEvidence.Modules];

    /// <summary>
    /// The groups of <paramref name="captures"/>, in natural order of their first capture, each with its baseline: the
    /// first of its captures whose id is in <paramref name="chosen"/>, else the first that did not crash, else the first.
    /// </summary>
    public static IReadOnlyList<ProgramGroup> Group(IReadOnlyList<CaptureAnalysis> captures, IReadOnlySet<string> chosen)
    {
        ArgumentNullException.ThrowIfNull(captures);
        ArgumentNullException.ThrowIfNull(chosen);
        var identities = captures.Select(c => new CaptureIdentity(c)).OrderBy(c => c.Analysis.Capture.InputPath, NaturalOrder.Instance)
            .ThenBy(c => c.Analysis.Capture.LineRange?.First ?? 0)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var groups = new List<Building>();
        foreach (var identity in identities.Where(i => i.BuildId is not null || i.Path is not null))
            JoinStrong(identity, groups);
        foreach (var identity in identities.Where(i => i.BuildId is null && i.Path is null))
            JoinWeak(identity, groups);
        var position = identities.Select((identity, index) => (identity, index)).ToDictionary(p => p.identity, p => p.index);
        return [.. groups
            .Select(g => g.Members.OrderBy(m => position[m.Identity]).ToList())
            .OrderBy(members => position[members[0].Identity])
            .Select(members => Finish(members, chosen))];
    }

    private static void JoinStrong(CaptureIdentity identity, List<Building> groups)
    {
        var matching = groups.Where(g => g.Compatible(identity.Architecture)
            && g.Members.Exists(m => identity.Matches(m.Identity, ProgramEvidence.BuildId) || identity.Matches(m.Identity, ProgramEvidence.Path))).ToList();
        if (matching.Count == 0)
        {
            groups.Add(new Building(identity, identity.Strongest));
            return;
        }
        var target = matching[0];
        foreach (var other in matching.Skip(1).Where(g => g.Compatible(target.Architecture)))
        {
            target.Members.AddRange(other.Members);
            groups.Remove(other);
        }
        var byBuildId = target.Members.Exists(m => identity.Matches(m.Identity, ProgramEvidence.BuildId));
        target.Add(identity, byBuildId ? ProgramEvidence.BuildId : ProgramEvidence.Path);
        if (byBuildId)
        {
            // The capture it shares the build-id with was placed by the same evidence.
            foreach (var member in target.Members.Where(m => m.Evidence == ProgramEvidence.Path && identity.Matches(m.Identity, ProgramEvidence.BuildId)).ToList())
                member.Evidence = ProgramEvidence.BuildId;
        }
    }

    private static void JoinWeak(CaptureIdentity identity, List<Building> groups)
    {
        foreach (var evidence in WeakEvidence)
        {
            var matching = groups.Where(g => g.Compatible(identity.Architecture) && g.Members.Exists(m => identity.Matches(m.Identity, evidence))).ToList();
            if (matching.Count == 1)
            {
                matching[0].Add(identity, evidence);
                return;
            }
            if (matching.Count > 1)
                break; // the evidence points at several programs: it decides nothing
        }
        groups.Add(new Building(identity, identity.Strongest));
    }

    private static ProgramGroup Finish(List<Member> members, IReadOnlySet<string> chosen)
    {
        // A single capture shares nothing: its evidence is what it has.
        if (members.Count == 1)
            members[0].Evidence = members[0].Identity.Strongest;
        var baseline = members.Find(m => chosen.Contains(m.Identity.Id));
        var reason = BaselineReason.Chosen;
        if (baseline is null)
        {
            baseline = members.Find(m => !Crashed(m.Identity));
            reason = baseline is null ? BaselineReason.First : BaselineReason.FirstNotCrashed;
            baseline ??= members[0];
            if (Earlier(baseline, members) is { } earlier)
                (baseline, reason) = (earlier, BaselineReason.EarlierSnapshot);
        }
        // A full path names the program best, even when only a listing's images give it.
        var label = members.FirstOrDefault(m => m.Identity.Path is not null)
            ?? members.FirstOrDefault(m => m.Identity.Strongest == ProgramEvidence.Modules && m.Identity.ModulePaths.Count > 0)
            ?? members[0];
        var pid = members[0].Identity.Analysis.Capture.Pid ?? members[0].Identity.Analysis.Capture.Process?.Pid;
        return new ProgramGroup
        {
            Program = label.Identity.Label,
            Members = [.. members.Select(m => new ProgramMember(m.Identity.Id, m.Evidence, Crashed(m.Identity)))],
            BaselineId = baseline.Identity.Id,
            BaselineReason = reason,
            SuccessiveSnapshots = members.Count >= 2 && pid is not null
                && members.TrueForAll(m => (m.Identity.Analysis.Capture.Pid ?? m.Identity.Analysis.Capture.Process?.Pid) == pid),
        };
    }

    /// <summary>
    /// The first snapshot of the instance <paramref name="baseline"/> shows, when another capture of it was taken
    /// before (the baseline only grew from it): the fewest anonymous bytes of those, natural order on a tie.
    /// </summary>
    private static Member? Earlier(Member baseline, List<Member> members)
    {
        var crashed = Crashed(baseline.Identity);
        return members
            .Where(m => !ReferenceEquals(m, baseline) && (crashed || !Crashed(m.Identity))
                && SnapshotOrder.GrewFrom(baseline.Identity.Analysis.Capture, m.Identity.Analysis.Capture))
            .MinBy(m => m.Identity.Analysis.Capture.Regions.Where(r => r.Kind is RegionKind.Anon or RegionKind.Heap).Aggregate(0UL, (sum, r) => sum + r.Size));
    }

    private static bool Crashed(CaptureIdentity identity) =>
        identity.Analysis.Crash is { Verdict: not CrashVerdict.NoCrash };

    private sealed class Member(CaptureIdentity identity, ProgramEvidence evidence)
    {
        public CaptureIdentity Identity { get; } = identity;
        public ProgramEvidence Evidence { get; set; } = evidence;
    }

    private sealed class Building
    {
        public Building(CaptureIdentity first, ProgramEvidence evidence) => Add(first, evidence);

        public List<Member> Members { get; } = [];

        public Architecture Architecture =>
            Members.Select(m => m.Identity.Architecture).FirstOrDefault(a => a != Architecture.Unknown);

        public bool Compatible(Architecture architecture) => CaptureIdentity.Compatible(Architecture, architecture);

        public void Add(CaptureIdentity identity, ProgramEvidence evidence) => Members.Add(new Member(identity, evidence));
    }
}

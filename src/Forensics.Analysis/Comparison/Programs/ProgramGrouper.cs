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
        var groups = new GroupIndex();
        foreach (var identity in identities.Where(i => i.BuildId is not null || i.Path is not null))
            JoinStrong(identity, groups);
        groups.IndexNames();
        foreach (var identity in identities.Where(i => i.BuildId is null && i.Path is null))
            JoinWeak(identity, groups);
        var position = identities.Select((identity, index) => (identity, index)).ToDictionary(p => p.identity, p => p.index);
        return [.. groups.All
            .Select(g => g.Members.OrderBy(m => position[m.Identity]).ToList())
            .OrderBy(members => position[members[0].Identity])
            .Select(members => Finish(members, chosen))];
    }

    private static void JoinStrong(CaptureIdentity identity, GroupIndex groups)
    {
        var matching = groups.Matching(identity, ProgramEvidence.BuildId, ProgramEvidence.Path);
        if (matching.Count == 0)
        {
            groups.Start(identity);
            return;
        }
        var target = matching[0];
        // The architecture of the target is looked at again after each merge, as it was when the merged groups were scanned in turn.
        foreach (var other in matching.Skip(1).Where(g => g.Compatible(target.Architecture)))
            groups.Merge(other, into: target);
        var byBuildId = identity.BuildId is not null && groups.HasBuildId(target, identity.BuildId);
        groups.Join(target, identity, byBuildId ? ProgramEvidence.BuildId : ProgramEvidence.Path);
        if (byBuildId)
        {
            // The capture it shares the build-id with was placed by the same evidence.
            foreach (var member in target.Members.Where(m => m.Evidence == ProgramEvidence.Path && identity.Matches(m.Identity, ProgramEvidence.BuildId)).ToList())
                member.Evidence = ProgramEvidence.BuildId;
        }
    }

    private static void JoinWeak(CaptureIdentity identity, GroupIndex groups)
    {
        foreach (var evidence in WeakEvidence)
        {
            var matching = groups.Matching(identity, evidence);
            if (matching.Count == 1)
            {
                groups.Join(matching[0], identity, evidence);
                return;
            }
            if (matching.Count > 1)
                break; // the evidence points at several programs: it decides nothing
        }
        groups.Start(identity);
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

    private sealed class Building(int order)
    {
        /// <summary>When the group was made: groups are looked at in that order, as the first to match takes the others.</summary>
        public int Order { get; } = order;

        public List<Member> Members { get; } = [];

        /// <summary>The first known architecture of its members.</summary>
        public Architecture Architecture { get; private set; }

        public bool Compatible(Architecture architecture) => CaptureIdentity.Compatible(Architecture, architecture);

        public void Add(CaptureIdentity identity, ProgramEvidence evidence) => AddRange([new Member(identity, evidence)]);

        public void AddRange(IEnumerable<Member> members)
        {
            foreach (var member in members)
            {
                Members.Add(member);
                if (Architecture == Architecture.Unknown)
                    Architecture = member.Identity.Architecture;
            }
        }
    }

    /// <summary>
    /// The groups in the order they were made, with their members' evidence indexed, so that a capture finds the groups
    /// it matches without being matched against every capture placed before it (a 10,000-capture batch otherwise spent
    /// most of its comparison here). <see cref="Matching"/> gives what scanning every group's members with
    /// <see cref="CaptureIdentity.Matches"/> gives, in the same order.
    /// </summary>
    private sealed class GroupIndex
    {
        private readonly List<Building> _groups = [];
        private readonly Dictionary<string, HashSet<Building>> _byBuildId = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<Building>> _byPath = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<Building>> _byName = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<Building>> _byCutName = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<Building>> _byModuleKey = new(StringComparer.Ordinal);
        private bool _namesIndexed;
        private int _made;

        public IEnumerable<Building> All => _groups;

        /// <summary>A new group of <paramref name="identity"/> alone, by the strongest evidence it has.</summary>
        public void Start(CaptureIdentity identity)
        {
            var group = new Building(_made++);
            _groups.Add(group);
            Join(group, identity, identity.Strongest);
        }

        public void Join(Building group, CaptureIdentity identity, ProgramEvidence evidence)
        {
            group.Add(identity, evidence);
            Index(group, identity);
        }

        public void Merge(Building other, Building into)
        {
            into.AddRange(other.Members);
            _groups.Remove(other);
            foreach (var member in other.Members)
            {
                foreach (var groups in Entries(member.Identity))
                {
                    groups.Remove(other);
                    groups.Add(into);
                }
            }
        }

        public bool HasBuildId(Building group, string buildId) => _byBuildId.TryGetValue(buildId, out var groups) && groups.Contains(group);

        /// <summary>From now on names, images and module keys are indexed too: only captures joined by them need them.</summary>
        public void IndexNames()
        {
            _namesIndexed = true;
            foreach (var group in _groups)
            {
                foreach (var member in group.Members)
                    Index(group, member.Identity);
            }
        }

        /// <summary>The groups of an architecture compatible with <paramref name="identity"/>'s that hold a member it matches by any of <paramref name="evidence"/>, in the order they were made.</summary>
        public List<Building> Matching(CaptureIdentity identity, params ReadOnlySpan<ProgramEvidence> evidence)
        {
            var found = new HashSet<Building>();
            foreach (var kind in evidence)
            {
                switch (kind)
                {
                    case ProgramEvidence.BuildId when identity.BuildId is { } buildId:
                        Collect(_byBuildId, buildId, found);
                        break;
                    case ProgramEvidence.Path when identity.Path is { } path:
                        Collect(_byPath, path, found);
                        break;
                    case ProgramEvidence.ProcessName when identity.NameTellsProgram:
                        var name = identity.Name!;
                        Collect(_byName, name, found);
                        // The kernel cuts a process name at 15 characters: a cut name matches the longer names it begins, and the other way round.
                        if (name.Length == CaptureIdentity.CommLength)
                            Collect(_byCutName, name, found);
                        else if (name.Length > CaptureIdentity.CommLength)
                            Collect(_byName, name[..CaptureIdentity.CommLength], found);
                        break;
                    case ProgramEvidence.Modules when identity.ModuleKey is { } moduleKey:
                        Collect(_byModuleKey, moduleKey, found);
                        foreach (var modulePath in identity.ModulePaths)
                            Collect(_byPath, modulePath, found);
                        break;
                }
            }
            return [.. found.Where(g => g.Compatible(identity.Architecture)).OrderBy(g => g.Order)];
        }

        private static void Collect(Dictionary<string, HashSet<Building>> index, string key, HashSet<Building> found)
        {
            if (index.TryGetValue(key, out var groups))
                found.UnionWith(groups);
        }

        private void Index(Building group, CaptureIdentity identity)
        {
            foreach (var groups in Entries(identity))
                groups.Add(group);
        }

        /// <summary>The index entries <paramref name="identity"/> is found by, made when missing.</summary>
        private IEnumerable<HashSet<Building>> Entries(CaptureIdentity identity)
        {
            if (identity.BuildId is { } buildId)
                yield return Entry(_byBuildId, buildId);
            if (identity.Path is { } path)
                yield return Entry(_byPath, path);
            if (!_namesIndexed)
                yield break;
            foreach (var own in identity.OwnNames)
            {
                yield return Entry(_byName, own);
                if (own.Length > CaptureIdentity.CommLength)
                    yield return Entry(_byCutName, own[..CaptureIdentity.CommLength]);
            }
            if (identity.ModuleKey is { } moduleKey)
                yield return Entry(_byModuleKey, moduleKey);
        }

        private static HashSet<Building> Entry(Dictionary<string, HashSet<Building>> index, string key)
        {
            if (!index.TryGetValue(key, out var groups))
                index[key] = groups = [];
            return groups;
        }
    }
}

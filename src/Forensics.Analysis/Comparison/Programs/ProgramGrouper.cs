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
        var grouping = new Grouping();
        foreach (var identity in identities.Where(i => i.BuildId is not null || i.Path is not null))
            grouping.JoinStrong(identity);
        grouping.IndexWeakEvidence();
        foreach (var identity in identities.Where(i => i.BuildId is null && i.Path is null))
            grouping.JoinWeak(identity);
        var position = identities.Select((identity, index) => (identity, index)).ToDictionary(p => p.identity, p => p.index);
        return [.. grouping.Groups
            .Select(g => g.Members.OrderBy(m => position[m.Identity]).ToList())
            .OrderBy(members => position[members[0].Identity])
            .Select(members => Finish(members, chosen))];
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

    /// <summary>
    /// The groups being built, and each kind of evidence indexed to the groups whose captures have it, so that a
    /// capture finds the groups it may join by looking up its own evidence, not by matching every capture placed
    /// before it (which took minutes for 10,000 captures).
    /// </summary>
    private sealed class Grouping
    {
        private readonly Dictionary<string, HashSet<Building>> _byBuildId = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<Building>> _byPath = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Name, bool Cut), HashSet<Building>> _byName = [];
        private readonly Dictionary<string, HashSet<Building>> _byModuleKey = new(StringComparer.Ordinal);
        private bool _weakIndexed;
        private int _created;

        /// <summary>The groups in the order they were started (a merged group is gone).</summary>
        public List<Building> Groups { get; } = [];

        /// <summary>Joins the groups holding the capture's build-id or full path (merging them when several do), or starts one.</summary>
        public void JoinStrong(CaptureIdentity identity)
        {
            var matching = Holders(_byBuildId, identity.BuildId).Concat(Holders(_byPath, identity.Path))
                .Where(g => g.Compatible(identity.Architecture))
                .Distinct()
                .OrderBy(g => g.Sequence)
                .ToList();
            if (matching.Count == 0)
            {
                Start(identity);
                return;
            }
            var target = matching[0];
            foreach (var other in matching.Skip(1))
            {
                if (!other.Compatible(target.Architecture))
                    continue;
                target.Absorb(other);
                Groups.Remove(other);
                foreach (var member in other.Members)
                {
                    Rekey(_byBuildId, member.Identity.BuildId, other, target);
                    Rekey(_byPath, member.Identity.Path, other, target);
                }
            }
            var byBuildId = identity.BuildId is not null && target.HasBuildId(identity.BuildId);
            Add(target, identity, byBuildId ? ProgramEvidence.BuildId : ProgramEvidence.Path);
            if (byBuildId)
                target.ConfirmBuildId(identity.BuildId!);
        }

        /// <summary>Indexes the weak evidence of the captures placed so far; after this, groups are no longer merged.</summary>
        public void IndexWeakEvidence()
        {
            foreach (var group in Groups)
            {
                foreach (var member in group.Members)
                    IndexWeak(group, member.Identity);
            }
            _weakIndexed = true;
        }

        /// <summary>Joins the one group that the capture's process name, or else its images, point at, or starts its own.</summary>
        public void JoinWeak(CaptureIdentity identity)
        {
            foreach (var evidence in WeakEvidence)
            {
                var holders = evidence == ProgramEvidence.ProcessName
                    ? identity.NameKeys().SelectMany(k => Holders(_byName, k))
                    : identity.ModuleKey is null
                        ? []
                        : Holders(_byModuleKey, identity.ModuleKey).Concat(identity.ModulePaths.SelectMany(p => Holders(_byPath, p)));
                var matching = holders.Where(g => g.Compatible(identity.Architecture)).Distinct().Take(2).ToList();
                if (matching.Count == 1)
                {
                    Add(matching[0], identity, evidence);
                    return;
                }
                if (matching.Count > 1)
                    break; // the evidence points at several programs: it decides nothing
            }
            Start(identity);
        }

        private void Start(CaptureIdentity identity)
        {
            var group = new Building(_created++);
            Groups.Add(group);
            Add(group, identity, identity.Strongest);
        }

        private void Add(Building group, CaptureIdentity identity, ProgramEvidence evidence)
        {
            group.Add(identity, evidence);
            Index(_byBuildId, identity.BuildId, group);
            Index(_byPath, identity.Path, group);
            if (_weakIndexed)
                IndexWeak(group, identity);
        }

        private void IndexWeak(Building group, CaptureIdentity identity)
        {
            foreach (var key in identity.OwnNameKeys())
                Index(_byName, key, group);
            Index(_byModuleKey, identity.ModuleKey, group);
        }

        private static IEnumerable<Building> Holders<TKey>(Dictionary<TKey, HashSet<Building>> index, TKey? key)
            where TKey : notnull =>
            key is not null && index.TryGetValue(key, out var groups) ? groups : [];

        private static void Index<TKey>(Dictionary<TKey, HashSet<Building>> index, TKey? key, Building group)
            where TKey : notnull
        {
            if (key is null)
                return;
            if (!index.TryGetValue(key, out var groups))
                index[key] = groups = [];
            groups.Add(group);
        }

        private static void Rekey(Dictionary<string, HashSet<Building>> index, string? key, Building from, Building to)
        {
            if (key is not null && index.TryGetValue(key, out var groups) && groups.Remove(from))
                groups.Add(to);
        }
    }

    private sealed class Building(int sequence)
    {
        /// <summary>Members placed by their full path whose build-id no other member had yet, by that build-id.</summary>
        private readonly Dictionary<string, List<Member>> _pathMembersByBuildId = new(StringComparer.Ordinal);
        private readonly HashSet<string> _buildIds = new(StringComparer.Ordinal);

        /// <summary>The order in which groups were started: the first of several a capture matches is the one that takes it.</summary>
        public int Sequence { get; } = sequence;

        public List<Member> Members { get; } = [];

        /// <summary>The members' known architecture (they all have it or none), else unknown.</summary>
        public Architecture Architecture { get; private set; }

        public bool Compatible(Architecture architecture) => CaptureIdentity.Compatible(Architecture, architecture);

        public bool HasBuildId(string buildId) => _buildIds.Contains(buildId);

        public void Add(CaptureIdentity identity, ProgramEvidence evidence)
        {
            var member = new Member(identity, evidence);
            Members.Add(member);
            Learn(identity.Architecture);
            if (identity.BuildId is not { } buildId)
                return;
            _buildIds.Add(buildId);
            if (evidence == ProgramEvidence.Path)
                PathMembers(buildId).Add(member);
        }

        /// <summary>The captures placed by their path that share <paramref name="buildId"/> with a new one were placed by the same evidence.</summary>
        public void ConfirmBuildId(string buildId)
        {
            if (_pathMembersByBuildId.Remove(buildId, out var members))
            {
                foreach (var member in members)
                    member.Evidence = ProgramEvidence.BuildId;
            }
        }

        public void Absorb(Building other)
        {
            Members.AddRange(other.Members);
            foreach (var member in other.Members)
                Learn(member.Identity.Architecture);
            _buildIds.UnionWith(other._buildIds);
            foreach (var (buildId, members) in other._pathMembersByBuildId)
                PathMembers(buildId).AddRange(members);
        }

        private List<Member> PathMembers(string buildId)
        {
            if (!_pathMembersByBuildId.TryGetValue(buildId, out var members))
                _pathMembersByBuildId[buildId] = members = [];
            return members;
        }

        private void Learn(Architecture architecture)
        {
            if (Architecture == Architecture.Unknown)
                Architecture = architecture;
        }
    }
}

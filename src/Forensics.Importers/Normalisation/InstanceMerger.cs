using Forensics.Model;

namespace Forensics.Importers.Normalisation;

/// <summary>
/// Merges captures that show the same process instance (a core and the maps, smaps, pmap or gdb text saved with it)
/// into one capture, and reports every disagreement between them.
/// </summary>
/// <remarks>
/// Same instance means the same file-backed mappings at the same addresses: under ASLR two runs of one program share
/// paths but not addresses, so a coincidence is practically impossible. Two captures match when at least 80% of the
/// file-backed ranges of the one with fewer (and at least one) are at exactly the same start and end in the other,
/// under a compatible name (equal, or equal basenames where one side printed only a basename), and neither their PIDs
/// nor their architectures, where both are known, differ. A group holds at most one core: two cores are two moments
/// (a gcore taken live and the kernel core written at the crash), each with its own threads and signal, so they stay
/// apart, and a text capture joins the first group (in input order) whose first capture it matches. Programs run with ASLR disabled and
/// captured without a PID cannot be told apart by this rule.
/// A smaps_rollup, which has no regions, joins the group whose captures span exactly its range (its header line).
/// Only captures from different files in the same folder merge: captures pasted into one document, and evidence
/// filed in different folders, stay what the analyst made them. Two snapshots of one instance taken at different
/// moments (a leak watched over time) also stay apart: their private writable anonymous ranges differ. A text
/// capture beside a core, whose ranges the core only grew, is the exception: it merges, each growth reported as
/// changed between captures; when it does not merge, a diagnostic on it names the range that kept them apart
/// (<see cref="MomentDifference"/>).
/// </remarks>
public static class InstanceMerger
{
    private const int MatchPercent = 80;

    /// <summary>
    /// Returns the captures with every same-instance group replaced by one merged, re-normalised capture (Id and
    /// InputPath of the group's first input). Captures that match nothing are returned as given. The result is
    /// ordered by input path (ordinal), then first line.
    /// </summary>
    public static IReadOnlyList<Capture> Merge(IReadOnlyList<Capture> captures)
    {
        ArgumentNullException.ThrowIfNull(captures);
        var ordered = captures.OrderBy(c => c.InputPath, StringComparer.Ordinal).ThenBy(c => c.LineRange?.First ?? 0).ToList();
        var withPartner = WithPossiblePartner(ordered);
        var fingerprints = ordered.Select(c => withPartner.Contains(c.InputPath) ? InstanceFingerprint.Of(c) : InstanceFingerprint.Alone(c)).ToList();

        var groups = new List<List<int>>();
        var groupsByRange = new Dictionary<(ulong Start, ulong End), List<int>>();
        var rollups = new List<int>();
        var growth = new Dictionary<List<int>, List<MomentDifference>>(ReferenceEqualityComparer.Instance);
        var keptApart = new List<(int Text, int Core, MomentDifference Difference)>();
        for (var index = 0; index < ordered.Count; index++)
        {
            if (IsRollupAlone(ordered[index]))
            {
                rollups.Add(index);
                continue;
            }
            var group = FindGroup(index, ordered, fingerprints, groups, groupsByRange, out var found);
            var moments = found?.Difference;
            if (group < 0)
            {
                group = groups.Count;
                groups.Add([]);
            }
            if (moments is { IsGrowth: true })
            {
                if (!growth.TryGetValue(groups[group], out var list))
                    growth.Add(groups[group], list = []);
                list.Add(moments);
            }
            else if (moments is not null)
            {
                keptApart.Add((found!.Value.Text, found.Value.Core, moments));
            }
            groups[group].Add(index);
            foreach (var range in fingerprints[index].Ranges.Keys)
            {
                if (!groupsByRange.TryGetValue(range, out var list))
                    groupsByRange.Add(range, list = []);
                if (list.Count == 0 || list[^1] != group)
                    list.Add(group);
            }
        }

        var groupsByFirstStart = GroupsByFirstStart(ordered, groups);
        foreach (var index in rollups)
        {
            var group = FindRollupGroup(ordered, index, groups, groupsByFirstStart);
            if (group < 0)
            {
                group = groups.Count;
                groups.Add([]);
            }
            groups[group].Add(index);
        }
        groups.Sort((a, b) => a[0].CompareTo(b[0]));

        var result = new List<Capture>(groups.Count);
        foreach (var group in groups)
        {
            var moments = growth.GetValueOrDefault(group) ?? [];
            // One note for each core the group was kept apart from, from its first capture that met the core.
            var notes = keptApart.Where(k => group.Contains(k.Text) && !group.Contains(k.Core)).GroupBy(k => k.Core).Select(k => k.First().Difference).ToList();
            if (group.Count == 1)
            {
                result.Add(notes.Count == 0 ? ordered[group[0]] : WithNotes(ordered[group[0]], notes));
                continue;
            }
            var merged = CaptureMerge.Combine(group.Select(i => ordered[i]).ToList(), moments.SelectMany(m => m.ChangedRanges).ToHashSet());
            foreach (var moment in moments)
            {
                foreach (var change in moment.Changes)
                    merged.Diagnostics.Info(DiagnosticCatalogue.ChangedBetweenCaptures, change.Before?.Location ?? change.After.Location, moment.Describe(change));
            }
            foreach (var note in notes)
                merged.Diagnostics.Info(DiagnosticCatalogue.KeptApartFromCore, note.KeptApartAt, note.KeptApart!);
            result.Add(Normalised(merged));
        }
        return result;
    }

    /// <summary>A text capture kept apart from the core beside it, with the diagnostic that says why.</summary>
    private static Capture WithNotes(Capture capture, List<MomentDifference> notes) => capture with
    {
        Diagnostics = new DiagnosticList([.. capture.Diagnostics.Items,
            .. notes.Select(n => new Diagnostic(DiagnosticCatalogue.KeptApartFromCore, DiagnosticSeverity.Info, n.KeptApart!, n.KeptApartAt))]),
    };

    /// <summary>The merged capture normalised, with a rollup's totals checked against the regions they now sit beside.</summary>
    private static Capture Normalised(CaptureBuilder merged)
    {
        CaptureNormalizer.Complete(merged);
        if (merged.Totals is not null)
            Text.Smaps.SmapsRollupTotals.Check(merged);
        return CaptureNormalizer.Freeze(merged);
    }

    private static int FindGroup(int index, List<Capture> captures, List<InstanceFingerprint> fingerprints,
        List<List<int>> groups, Dictionary<(ulong Start, ulong End), List<int>> groupsByRange, out (MomentDifference Difference, int Text, int Core)? moments)
    {
        moments = null;
        // Count the ranges each group shares with this capture, so that only groups that can reach the match
        // threshold are compared (many captures of one non-PIE program share the executable's ranges).
        var shared = new Dictionary<int, int>();
        foreach (var range in fingerprints[index].Ranges.Keys)
        {
            if (groupsByRange.TryGetValue(range, out var list))
            {
                foreach (var group in list)
                    shared[group] = shared.GetValueOrDefault(group) + 1;
            }
        }
        foreach (var (group, count) in shared.OrderBy(p => p.Key))
        {
            var members = groups[group];
            var possible = Math.Min(fingerprints[index].Ranges.Count, fingerprints[members[0]].Ranges.Count);
            // Comparing with the group's first capture keeps this linear in the group count; the members of a
            // group all match that capture.
            if (count * 100 >= possible * MatchPercent
                && !(HoldsMoment(captures[index]) && members.Exists(m => HoldsMoment(captures[m])))
                && SameInstance(captures[index], fingerprints[index], captures[members[0]], fingerprints[members[0]]))
                return group;
            if (TextBesideCore(index, members, captures) is not { } pair || !OneProcess(captures[pair.Text], captures[pair.Core]))
                continue;
            var difference = MomentDifference.Of(captures[pair.Text], fingerprints[pair.Text], captures[pair.Core], fingerprints[pair.Core], MatchPercent);
            if (difference.IsGrowth)
            {
                moments = (difference, pair.Text, pair.Core);
                return group;
            }
            moments ??= (difference, pair.Text, pair.Core);
        }
        return -1;
    }

    /// <summary>
    /// A text capture and the core of the group it could join (or the core joining a group of text captures): a maps
    /// saved beside a core is taken before the core is written.
    /// </summary>
    private static (int Text, int Core)? TextBesideCore(int index, List<int> members, List<Capture> captures)
    {
        var core = members.FindIndex(m => HoldsMoment(captures[m]));
        if (!HoldsMoment(captures[index]))
            return core < 0 ? null : (index, members[core]);
        return core < 0 && captures[members[0]].Regions.Count > 0 ? (members[0], index) : null;
    }

    private static bool OneProcess(Capture text, Capture core) =>
        SameFolderAndPid(text, core)
        && !(text.Architecture != Architecture.Unknown && core.Architecture != Architecture.Unknown && text.Architecture != core.Architecture);

    /// <summary>A core, or a container with the threads of one moment (apport's core, a minidump, an ABRT coredump).</summary>
    private static bool HoldsMoment(Capture capture) =>
        capture.Format == CaptureFormat.Core || (capture.Format is CaptureFormat.Apport or CaptureFormat.Minidump or CaptureFormat.Abrt && capture.Threads.Count > 0);

    /// <summary>A smaps_rollup on its own: totals over a range, and no region to recognise its instance by.</summary>
    private static bool IsRollupAlone(Capture capture) => capture.Regions.Count == 0 && capture.TotalsRange is not null;

    /// <summary>
    /// The group whose captures span exactly the rollup's range, in the same folder, under no other PID: the rollup's
    /// header is the first mapping's start and the last one's end, which under ASLR only the same instance shares.
    /// A group with smaps comes first, as its records are what the rollup sums. Only the groups with a capture whose first
    /// mapping starts where the range does can span it (<paramref name="groupsByFirstStart"/>), in group order.
    /// </summary>
    private static int FindRollupGroup(List<Capture> captures, int index, List<List<int>> groups, Dictionary<ulong, List<int>> groupsByFirstStart)
    {
        var rollup = captures[index];
        var range = rollup.TotalsRange!.Value;
        var found = -1;
        if (!groupsByFirstStart.TryGetValue(range.Start, out var candidates))
            return found;
        foreach (var group in candidates)
        {
            var members = groups[group];
            if (!members.Exists(m => SameFolderAndPid(rollup, captures[m]) && Text.Smaps.SmapsRollupTotals.Covers(range, captures[m].Regions)))
                continue;
            if (members.Exists(m => captures[m].Format == CaptureFormat.Smaps))
                return group;
            if (found < 0)
                found = group;
        }
        return found;
    }

    /// <summary>
    /// The groups, in order, by where the first mapping of one of their captures starts: looking a rollup's group up
    /// among every group was quadratic in a batch of thousands of captures.
    /// </summary>
    private static Dictionary<ulong, List<int>> GroupsByFirstStart(List<Capture> captures, List<List<int>> groups)
    {
        var byStart = new Dictionary<ulong, List<int>>();
        for (var group = 0; group < groups.Count; group++)
        {
            foreach (var member in groups[group])
            {
                if (captures[member].Regions is not [var first, ..])
                    continue;
                if (!byStart.TryGetValue(first.Start, out var list))
                    byStart.Add(first.Start, list = []);
                if (list.Count == 0 || list[^1] != group)
                    list.Add(group);
            }
        }
        return byStart;
    }

    /// <summary>
    /// The input paths that share their folder with another input file: only those captures can merge, so only theirs
    /// are fingerprinted (a folder of one large capture has nothing to compare it with).
    /// </summary>
    private static HashSet<string> WithPossiblePartner(List<Capture> captures)
    {
        var withPartner = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in captures.Select(c => c.InputPath).Distinct(StringComparer.Ordinal).GroupBy(p => Folder(p).ToString(), StringComparer.Ordinal))
        {
            if (folder.Skip(1).Any())
                withPartner.UnionWith(folder);
        }
        return withPartner;
    }

    private static bool SameFolderAndPid(Capture a, Capture b) =>
        !(a.Pid is { } pidA && b.Pid is { } pidB && pidA != pidB)
        && a.InputPath != b.InputPath && Folder(a.InputPath).SequenceEqual(Folder(b.InputPath));

    private static bool SameInstance(Capture a, InstanceFingerprint fa, Capture b, InstanceFingerprint fb)
    {
        if (!SameFolderAndPid(a, b))
            return false;
        if (fa.AnonymousWritable.Count > 0 && fb.AnonymousWritable.Count > 0
            && (fa.AnonymousWritable.Count != fb.AnonymousWritable.Count || !fa.AnonymousWritable.Keys.All(fb.AnonymousWritable.ContainsKey)))
            return false;
        if (a.Architecture != Architecture.Unknown && b.Architecture != Architecture.Unknown && a.Architecture != b.Architecture)
            return false;
        var (smaller, larger) = fa.Ranges.Count <= fb.Ranges.Count ? (fa, fb) : (fb, fa);
        if (smaller.Ranges.Count == 0)
            return false;
        var matched = 0;
        foreach (var (range, region) in smaller.Ranges)
        {
            if (larger.Ranges.TryGetValue(range, out var other) && RegionComparison.NamesCompatible(region, other))
                matched++;
        }
        return matched > 0 && matched * 100 >= smaller.Ranges.Count * MatchPercent;
    }

    private static ReadOnlySpan<char> Folder(string path)
    {
        var slash = path.LastIndexOfAny(['/', '\\']);
        return slash < 0 ? [] : path.AsSpan(0, slash);
    }
}

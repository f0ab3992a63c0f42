using Forensics.Analysis.Comparison.Changes;
using Forensics.Analysis.Comparison.Programs;
using Forensics.Model;

namespace Forensics.Analysis.Comparison;

public static partial class CaptureComparer
{
    /// <summary>
    /// Pairs the modules of two captures by identity — full path; build-id where both have one; basename where
    /// one side has only a basename (default pmap) or the architectures differ — and compares each pair's
    /// layout relative to its own base.
    /// </summary>
    private static ModuleChanges CompareModules(CaptureLayout baseline, CaptureLayout capture, bool byBasename, ChangeList rows)
    {
        var changes = new ModuleChanges();
        var left = new List<ModuleLayout>(baseline.Modules);
        var right = new List<ModuleLayout>(capture.Modules);
        var pairs = new List<(ModuleLayout Before, ModuleLayout After)>();
        Pair(left, right, pairs, m => m.Module.PathIsBasename ? null : m.Module.Path);
        Pair(left, right, pairs, m => m.Module.BuildId);
        Pair(left, right, pairs, m => m.Module.Name, (a, b) => byBasename || a.Module.PathIsBasename || b.Module.PathIsBasename);

        foreach (var (before, after) in pairs)
        {
            changes.Matched++;
            var path = before.Module.PathIsBasename ? after.Key : before.Key;
            var subject = ChangeSubject.Module(path);
            if (before.Module.Base != after.Module.Base)
                changes.Slid++;
            rows.Add(subject, ChangeKind.ModulePresent, new AddressValue(before.Module.Base), new AddressValue(after.Module.Base),
                ChangeDelta.Between(DeltaUnit.Address, before.Module.Base, after.Module.Base));
            if (before.Module.BuildId is { } oldId && after.Module.BuildId is { } newId && !string.Equals(oldId, newId, StringComparison.Ordinal))
            {
                changes.BuildIdChanges++;
                rows.Add(subject, ChangeKind.BuildIdChanged, new TextValue(oldId), new TextValue(newId), null);
            }
            if (!before.Module.PathIsBasename && !after.Module.PathIsBasename && !string.Equals(before.Key, after.Key, StringComparison.Ordinal))
                rows.Add(subject, ChangeKind.PathChanged, new TextValue(before.Key), new TextValue(after.Key), null);
            if (!byBasename)
                changes.SegmentChanges += CompareSegments(path, before.Segments, after.Segments, rows);
        }
        foreach (var module in left)
        {
            if (IsUnnamedInOther(module, capture))
                continue;
            changes.Removed++;
            rows.Add(ChangeSubject.Module(module.Key), ChangeKind.ModuleRemoved, new AddressValue(module.Module.Base), null, null);
        }
        foreach (var module in right)
        {
            if (IsUnnamedInOther(module, baseline))
                continue;
            changes.Added++;
            rows.Add(ChangeSubject.Module(module.Key), ChangeKind.ModuleAdded, null, new AddressValue(module.Module.Base), null);
        }
        return changes;
    }

    private static bool IsUnnamedInOther(ModuleLayout module, CaptureLayout other) =>
        module.Segments.Count > 0 && module.Segments.TrueForAll(s =>
            other.HasUnnamedTwin(module.Module.Base + s.OffsetFromBase, module.Module.Base + s.OffsetFromBase + s.Size, named: true));

    /// <summary>
    /// Moves the modules of <paramref name="left"/> and <paramref name="right"/> that share a <paramref name="key"/>
    /// into <paramref name="pairs"/>, in base order where a key repeats, when <paramref name="accept"/> allows the pair.
    /// </summary>
    private static void Pair(List<ModuleLayout> left, List<ModuleLayout> right, List<(ModuleLayout, ModuleLayout)> pairs,
        Func<ModuleLayout, string?> key, Func<ModuleLayout, ModuleLayout, bool>? accept = null)
    {
        if (left.Count == 0 || right.Count == 0)
            return;
        var waiting = new Dictionary<string, List<ModuleLayout>>(StringComparer.Ordinal);
        foreach (var module in right)
        {
            if (key(module) is { } k)
            {
                if (!waiting.TryGetValue(k, out var list))
                    waiting[k] = list = [];
                list.Add(module);
            }
        }
        var matched = new HashSet<ModuleLayout>(ReferenceEqualityComparer.Instance);
        foreach (var module in left)
        {
            if (key(module) is not { } k || !waiting.TryGetValue(k, out var candidates))
                continue;
            var index = candidates.FindIndex(c => accept is null || accept(module, c));
            if (index < 0)
                continue;
            pairs.Add((module, candidates[index]));
            matched.Add(module);
            matched.Add(candidates[index]);
            candidates.RemoveAt(index);
        }
        left.RemoveAll(matched.Contains);
        right.RemoveAll(matched.Contains);
    }

    private static int CompareSegments(string modulePath, List<Segment> before, List<Segment> after, ChangeList rows)
    {
        var changes = 0;
        int i = 0, j = 0;
        while (i < before.Count || j < after.Count)
        {
            var old = i < before.Count ? before[i] : (Segment?)null;
            var now = j < after.Count ? after[j] : (Segment?)null;
            if (now is null || (old is { } o && o.OffsetFromBase < now.Value.OffsetFromBase))
            {
                rows.Add(ChangeSubject.Segment(modulePath, old!.Value.OffsetFromBase), ChangeKind.SegmentRemoved, Describe(old.Value), null, null);
                changes++;
                i++;
                continue;
            }
            if (old is null || now.Value.OffsetFromBase < old.Value.OffsetFromBase)
            {
                rows.Add(ChangeSubject.Segment(modulePath, now.Value.OffsetFromBase), ChangeKind.SegmentAdded, null, Describe(now.Value), null);
                changes++;
                j++;
                continue;
            }
            var a = old.Value;
            var b = now.Value;
            var segment = ChangeSubject.Segment(modulePath, a.OffsetFromBase);
            if (a.Size != b.Size)
            {
                rows.Add(segment, ChangeKind.SegmentResized, new ByteCountValue(a.Size), new ByteCountValue(b.Size), ChangeDelta.Between(DeltaUnit.Bytes, a.Size, b.Size));
                changes++;
            }
            if (Conflict(a.Permissions, b.Permissions))
            {
                rows.Add(segment, ChangeKind.PermissionsChanged, new PermissionsValue(a.Permissions), new PermissionsValue(b.Permissions), null);
                changes++;
            }
            if (a.FileOffset is { } x && b.FileOffset is { } y && x != y)
            {
                rows.Add(segment, ChangeKind.FileOffsetChanged, new AddressValue(x), new AddressValue(y), null);
                changes++;
            }
            i++;
            j++;
        }
        return changes;
    }

    /// <summary>Two permissions disagree where both know a part (a core's NT_FILE-only range knows none).</summary>
    internal static bool Conflict(Permissions a, Permissions b) =>
        Differs(a.CanRead, b.CanRead) || Differs(a.CanWrite, b.CanWrite) || Differs(a.CanExecute, b.CanExecute) || Differs(a.IsShared, b.IsShared);

    private static bool Differs(bool? a, bool? b) => a is { } x && b is { } y && x != y;

    private static SegmentValue Describe(Segment segment) => new(segment.Size, segment.Permissions, segment.FileOffset);

    /// <summary>One row per module identity; a basename-only module takes the one full path other captures give that basename.</summary>
    private static ModulePresence[] PresenceMatrix(CaptureLayout[] layouts, out Func<ModuleLayout, string> keyOf)
    {
        var pathsByName = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var module in layouts.SelectMany(l => l.Modules).Where(m => !m.Module.PathIsBasename))
        {
            if (!pathsByName.TryGetValue(module.Module.Name, out var paths))
                pathsByName[module.Module.Name] = paths = new HashSet<string>(StringComparer.Ordinal);
            paths.Add(module.Module.Path);
        }
        keyOf = m => m.Module.PathIsBasename && pathsByName.TryGetValue(m.Module.Name, out var paths) && paths.Count == 1
            ? paths.First()
            : m.Key;
        var key = keyOf;
        var rows = new SortedDictionary<string, bool[]>(StringComparer.Ordinal);
        for (var index = 0; index < layouts.Length; index++)
        {
            foreach (var module in layouts[index].Modules)
            {
                var k = key(module);
                if (!rows.TryGetValue(k, out var present))
                    rows[k] = present = new bool[layouts.Length];
                present[index] = true;
            }
        }
        return [.. rows.Select(r => new ModulePresence(r.Key, r.Value))];
    }

    private static RareModule[] RareModules(IReadOnlyList<ProgramGroup> groups, Dictionary<string, CaptureLayout> layoutById, Func<ModuleLayout, string> keyOf)
    {
        var rare = new List<RareModule>();
        foreach (var group in groups.Where(g => g.Members.Count >= 2).OrderBy(g => g.Program, StringComparer.Ordinal).ThenBy(g => g.BaselineId, StringComparer.Ordinal))
        {
            var members = group.CaptureIds.Select(id => layoutById[id]).ToArray();
            var holders = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (var layout in members)
            {
                foreach (var module in layout.Modules)
                {
                    var k = keyOf(module);
                    if (!holders.TryGetValue(k, out var ids))
                        holders[k] = ids = new SortedSet<string>(StringComparer.Ordinal);
                    ids.Add(layout.Id);
                }
            }
            foreach (var (module, ids) in holders)
            {
                if (ids.Count < members.Length && ids.Count * 2 <= members.Length)
                    rare.Add(new RareModule(group.Program, module, [.. ids], members.Length));
            }
        }
        return [.. rare];
    }
}

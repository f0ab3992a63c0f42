using Forensics.Analysis.Comparison.Changes;
using Forensics.Analysis.Comparison.Fleet;
using Forensics.Analysis.Comparison.Programs;
using Forensics.Analysis.Crash;
using Forensics.Analysis.Text;
using Forensics.Model;

namespace Forensics.Analysis.Comparison;

/// <summary>Compares captures against a baseline: modules by identity and layout relative to their base, kinds, regions by role, findings and crashes.</summary>
public static partial class CaptureComparer
{
    /// <summary>Compares as <see cref="CompareByProgram"/> with at most one chosen baseline.</summary>
    public static ComparisonReport Compare(IReadOnlyList<CaptureAnalysis> captures, string? baselineId) =>
        CompareByProgram(captures, baselineId is null ? [] : [baselineId]);

    /// <summary>
    /// Groups the captures by program and compares each capture with its group's baseline: the first capture of the
    /// group named in <paramref name="baselineIds"/>, else the first in natural order that did not crash. Captures of
    /// different programs are never compared. The result does not depend on the order of <paramref name="captures"/>.
    /// </summary>
    public static ComparisonReport CompareByProgram(IReadOnlyList<CaptureAnalysis> captures, IReadOnlyCollection<string> baselineIds)
    {
        ArgumentNullException.ThrowIfNull(captures);
        ArgumentNullException.ThrowIfNull(baselineIds);
        if (captures.Count == 0)
            throw new ArgumentException("There is nothing to compare.", nameof(captures));
        var ordered = captures
            .OrderBy(c => c.Capture.Id, StringComparer.Ordinal)
            .ThenBy(c => c.Capture.InputPath, StringComparer.Ordinal)
            .ThenBy(c => c.Capture.Sha256, StringComparer.Ordinal)
            .ToArray();
        var chosen = new HashSet<string>(baselineIds, StringComparer.Ordinal);
        if (chosen.FirstOrDefault(id => !Array.Exists(ordered, c => string.Equals(c.Capture.Id, id, StringComparison.Ordinal))) is { } unknown)
            throw new ArgumentException("No capture has the id [" + unknown + "].", nameof(baselineIds));

        var layouts = new CaptureLayout[ordered.Length];
        Parallel.For(0, ordered.Length, index => layouts[index] = new CaptureLayout(ordered[index]));
        var layoutById = layouts.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var groups = ProgramGrouper.Group(ordered, chosen);
        var baselineOf = new Dictionary<string, CaptureLayout>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var baseline = layoutById[group.BaselineId];
            _ = baseline.ByRole; // built once here, before the parallel comparisons read it
            foreach (var id in group.CaptureIds)
                baselineOf[id] = baseline;
        }

        var changesPerCapture = new List<ComparisonChange>[layouts.Length];
        Parallel.For(0, layouts.Length, index =>
        {
            var baseline = baselineOf[layouts[index].Id];
            changesPerCapture[index] = ReferenceEquals(baseline, layouts[index]) ? [] : CompareWithBaseline(baseline, layouts[index]);
        });

        var kinds = KindTotals(layouts);
        var changes = changesPerCapture.SelectMany(r => r).ToList();
        foreach (var group in groups.Where(g => g.SuccessiveSnapshots))
        {
            var members = group.CaptureIds.Select(id => layoutById[id]).OrderBy(l => l.Id, StringComparer.Ordinal).ToArray();
            changes.AddRange(SteadyGrowth(group.BaselineId, members, KindTotals(members)));
        }

        return new ComparisonReport
        {
            BaselineId = groups.FirstOrDefault(g => g.Members.Count > 1)?.BaselineId ?? groups[0].BaselineId,
            CaptureIds = [.. layouts.Select(l => l.Id)],
            SuccessiveSnapshots = groups.Count == 1 && groups[0].SuccessiveSnapshots,
            Groups = groups,
            Changes = changes,
            KindTotals = kinds,
            Presence = PresenceMatrix(layouts, out var keyOf),
            RareModules = RareModules(groups, layoutById, keyOf),
            Crashes = CrashGroups(layouts),
            VersionSkew = VersionSkewFinder.Find(layouts),
            FindingRules = FindingRuleCount.Of(ordered),
            MostDifferent = DifferenceCount.Largest(changes, groups),
        };
    }

    private static List<ComparisonChange> CompareWithBaseline(CaptureLayout baseline, CaptureLayout capture)
    {
        var rows = new ChangeList(baseline.Id, capture.Id);
        var architectureMismatch = baseline.Capture.Architecture != Architecture.Unknown
            && capture.Capture.Architecture != Architecture.Unknown
            && baseline.Capture.Architecture != capture.Capture.Architecture;
        if (architectureMismatch)
        {
            rows.Add(ChangeSubject.Architecture, ChangeKind.ArchitectureMismatch,
                new TextValue(baseline.Capture.Architecture.ToId()), new TextValue(capture.Capture.Architecture.ToId()), null);
        }

        var modules = CompareModules(baseline, capture, architectureMismatch, rows);
        CompareRegions(baseline, capture, rows);
        rows.Add(ChangeSubject.Layout, LayoutVerdict(baseline, capture, modules, architectureMismatch),
            null, modules.Counts, null);

        CompareKinds(baseline, capture, rows);
        CompareFindings(baseline, capture, rows);
        CompareCrash(baseline, capture, rows);
        return rows.Changes;
    }

    /// <summary>
    /// Under ASLR two process instances practically never share their file-backed mappings' addresses (docs/region-model.md#merging-the-captures-of-one-instance), so the
    /// same layout at the same bases is one instance, unless both captures name different PIDs: then ASLR was off.
    /// </summary>
    private static ChangeKind LayoutVerdict(CaptureLayout baseline, CaptureLayout capture, ModuleChanges modules, bool different)
    {
        if (different || !modules.SameLayout)
            return ChangeKind.LayoutDiffers;
        if (!modules.AllSameBase)
            return ChangeKind.SameLayoutDifferentBases;
        return baseline.InstanceId is { } before && capture.InstanceId is { } after && before != after
            ? ChangeKind.SameLayoutSameBases
            : ChangeKind.SameInstance;
    }

    private static KindSeries[] KindTotals(CaptureLayout[] layouts)
    {
        var series = new List<KindSeries>();
        foreach (var kind in Enum.GetValues<RegionKind>())
        {
            var bytes = layouts.Select(l => l.BytesByKind[(int)kind]).ToArray();
            if (Array.Exists(bytes, b => b != 0))
                series.Add(new KindSeries(kind, bytes));
        }
        return [.. series];
    }

    private static void CompareKinds(CaptureLayout baseline, CaptureLayout capture, ChangeList rows)
    {
        for (var index = 0; index < baseline.BytesByKind.Length; index++)
        {
            var before = baseline.BytesByKind[index];
            var after = capture.BytesByKind[index];
            if (before != after)
                rows.Add(ChangeSubject.KindTotal((RegionKind)index), after > before ? ChangeKind.TotalGrown : ChangeKind.TotalShrunk,
                    new ByteCountValue(before), new ByteCountValue(after), ChangeDelta.Between(DeltaUnit.Bytes, before, after));
        }
        var mappedBefore = baseline.Capture.MappedBytes;
        var mappedAfter = capture.Capture.MappedBytes;
        if (mappedBefore != mappedAfter)
            rows.Add(ChangeSubject.Mapped, mappedAfter > mappedBefore ? ChangeKind.TotalGrown : ChangeKind.TotalShrunk,
                new ByteCountValue(mappedBefore), new ByteCountValue(mappedAfter), ChangeDelta.Between(DeltaUnit.Bytes, mappedBefore, mappedAfter));
    }

    private static IEnumerable<ComparisonChange> SteadyGrowth(string baselineId, CaptureLayout[] layouts, KindSeries[] kinds)
    {
        foreach (var series in kinds.Where(k => k.GrowsSteadily))
        {
            yield return new ComparisonChange(baselineId, layouts[^1].Id, ChangeSubject.KindTotal(series.Kind), ChangeKind.SteadyGrowth,
                new ByteCountValue(series.Bytes[0]), new ByteCountValue(series.Bytes[^1]), ChangeDelta.Between(DeltaUnit.Bytes, series.Bytes[0], series.Bytes[^1]));
        }
    }

    private static void CompareFindings(CaptureLayout baseline, CaptureLayout capture, ChangeList rows)
    {
        // Findings are matched by rule and name: their addresses move with ASLR.
        var before = CountFindings(baseline.Analysis);
        var after = CountFindings(capture.Analysis);
        foreach (var (key, count) in after)
        {
            before.TryGetValue(key, out var old);
            if (count > old)
                rows.Add(ChangeSubject.Finding(key.Rule), ChangeKind.NewFinding, null, new TextValue(key.Name), ChangeDelta.Plus(DeltaUnit.Count, (ulong)(count - old)));
        }
        foreach (var (key, count) in before)
        {
            after.TryGetValue(key, out var now);
            if (count > now)
                rows.Add(ChangeSubject.Finding(key.Rule), ChangeKind.FindingGone, new TextValue(key.Name), null, ChangeDelta.Minus(DeltaUnit.Count, (ulong)(count - now)));
        }
    }

    private static Dictionary<(string Rule, string Name), int> CountFindings(CaptureAnalysis analysis)
    {
        var counts = new Dictionary<(string Rule, string Name), int>();
        foreach (var finding in analysis.Findings)
        {
            var key = (finding.Rule, finding.Name ?? "");
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    private static void CompareCrash(CaptureLayout baseline, CaptureLayout capture, ChangeList rows)
    {
        var before = CrashSignature(baseline.Analysis.Crash);
        var after = CrashSignature(capture.Analysis.Crash);
        if (before is null && after is null)
            return;
        var change = before is null ? ChangeKind.Crashed
            : after is null ? ChangeKind.NoLongerCrashed
            : before.Equals(after) ? ChangeKind.SameCrash
            : ChangeKind.DifferentCrash;
        rows.Add(ChangeSubject.Crash, change, Signature(before), Signature(after), null);
    }

    private static SentenceValue? Signature(Sentence? signature) => signature is null ? null : new SentenceValue(signature);

    private static Sentence? CrashSignature(CrashReport? crash) =>
        crash is { Verdict: not CrashVerdict.NoCrash } ? crash.Signature : null;

    private static CrashGroup[] CrashGroups(CaptureLayout[] layouts) =>
    [
        .. layouts
            .Where(l => CrashSignature(l.Analysis.Crash) is not null)
            .GroupBy(l => l.Analysis.Crash!.Signature)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .Select(g => new CrashGroup(g.Key, g.First().Analysis.Crash!.Verdict, g.First().Analysis.Crash!.Summary, [.. g.Select(l => l.Id)])),
    ];
}

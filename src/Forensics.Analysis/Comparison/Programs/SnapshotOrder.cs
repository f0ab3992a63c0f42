using Forensics.Model;

namespace Forensics.Analysis.Comparison.Programs;

/// <summary>
/// Which of two captures of one process instance (every module at the same base) was taken first: the one whose
/// private writable anonymous ranges (heap, arenas, thread stacks) the other only grew, each range held by one of
/// the other's, which has more or larger ones (docs/report-schema.md#programscsv).
/// </summary>
internal static class SnapshotOrder
{
    public static bool GrewFrom(Capture later, Capture earlier)
    {
        if (!SameBases(later, earlier))
            return false;
        var before = Anonymous(earlier);
        var after = Anonymous(later);
        if (before.Count == 0 || after.Count == 0)
            return false;
        var starts = after.ConvertAll(r => r.Start);
        var grew = after.Count > before.Count;
        foreach (var region in before)
        {
            var at = starts.BinarySearch(region.Start);
            var holder = at >= 0 ? at : ~at - 1;
            if (holder < 0 || after[holder].End < region.End)
                return false;
            grew |= after[holder].Start != region.Start || after[holder].End != region.End;
        }
        return grew;
    }

    private static bool SameBases(Capture first, Capture second)
    {
        if (first.Modules.Count == 0 || first.Modules.Count != second.Modules.Count)
            return false;
        var bases = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var module in first.Modules)
            bases.TryAdd(module.Path, module.Base);
        return second.Modules.All(m => bases.TryGetValue(m.Path, out var start) && start == m.Base);
    }

    private static List<Region> Anonymous(Capture capture) =>
    [
        .. capture.Regions.Where(r => r.Permissions.CanWrite == true && r.Permissions.IsShared != true && r.Kind != RegionKind.Stack
            && r.Name is null or "[heap]"),
    ];
}

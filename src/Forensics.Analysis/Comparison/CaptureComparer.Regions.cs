using Forensics.Analysis.Comparison.Changes;

namespace Forensics.Analysis.Comparison;

public static partial class CaptureComparer
{
    /// <summary>
    /// Regions outside modules, matched by role rather than address: heap with heap, the bss after an image with
    /// the bss after the same image, other anonymous memory by kind, permissions and size.
    /// </summary>
    private static void CompareRegions(CaptureLayout baseline, CaptureLayout capture, ChangeList rows)
    {
        var before = baseline.ByRole;
        var after = capture.ByRole;
        foreach (var (role, olds) in before)
        {
            after.TryGetValue(role, out var news);
            var common = Math.Min(olds.Count, news?.Count ?? 0);
            for (var index = 0; index < common; index++)
            {
                var old = olds[index].Region;
                var now = news![index].Region;
                if (old.Size != now.Size)
                {
                    rows.Add(role, ChangeKind.RegionResized, new ByteCountValue(old.Size), new ByteCountValue(now.Size), ChangeDelta.Between(DeltaUnit.Bytes, old.Size, now.Size));
                }
                if (Conflict(old.Permissions, now.Permissions))
                {
                    rows.Add(role, ChangeKind.PermissionsChanged, new PermissionsValue(old.Permissions), new PermissionsValue(now.Permissions), null);
                }
            }
            for (var index = common; index < olds.Count; index++)
            {
                if (HasTwin(olds[index], capture))
                    continue;
                rows.Add(role, ChangeKind.RegionRemoved, Describe(olds[index]), null, ChangeDelta.Minus(DeltaUnit.Bytes, olds[index].Region.Size));
            }
        }
        foreach (var (role, news) in after)
        {
            var known = before.TryGetValue(role, out var olds) ? olds.Count : 0;
            for (var index = known; index < news.Count; index++)
            {
                if (HasTwin(news[index], baseline))
                    continue;
                rows.Add(role, ChangeKind.RegionAdded, null, Describe(news[index]), ChangeDelta.Plus(DeltaUnit.Bytes, news[index].Region.Size));
            }
        }
    }

    private static bool HasTwin(RoleRegion region, CaptureLayout other) =>
        other.HasUnnamedTwin(region.Region.Start, region.Region.End, region.Region.Name is not null);

    private static RegionValue Describe(RoleRegion region) => new(region.Region.Start, region.Region.End, region.Region.Permissions);
}

namespace Forensics.Analysis.Comparison;

public static partial class CaptureComparer
{
    /// <summary>
    /// Regions outside modules, matched by role rather than address: heap with heap, the bss after an image with
    /// the bss after the same image, other anonymous memory by kind, permissions and size. Returns the number of changes.
    /// </summary>
    private static int CompareRegions(CaptureLayout baseline, CaptureLayout capture, RowList rows)
    {
        var before = ByRole(baseline);
        var after = ByRole(capture);
        var changes = 0;
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
                    rows.Add(role, ComparisonChanges.RegionResized, HexFormat.Decimal(old.Size), HexFormat.Decimal(now.Size), HexFormat.ByteDelta(old.Size, now.Size));
                    changes++;
                }
                if (Conflict(old.Permissions, now.Permissions))
                {
                    rows.Add(role, ComparisonChanges.PermissionsChanged, old.Permissions.ToString(), now.Permissions.ToString(), null);
                    changes++;
                }
            }
            for (var index = common; index < olds.Count; index++)
            {
                rows.Add(role, ComparisonChanges.RegionRemoved, Describe(olds[index]), null, "-" + HexFormat.Decimal(olds[index].Region.Size));
                changes++;
            }
        }
        foreach (var (role, news) in after)
        {
            var known = before.TryGetValue(role, out var olds) ? olds.Count : 0;
            for (var index = known; index < news.Count; index++)
            {
                rows.Add(role, ComparisonChanges.RegionAdded, null, Describe(news[index]), "+" + HexFormat.Decimal(news[index].Region.Size));
                changes++;
            }
        }
        return changes;
    }

    private static Dictionary<string, List<RoleRegion>> ByRole(CaptureLayout layout)
    {
        var roles = new Dictionary<string, List<RoleRegion>>(StringComparer.Ordinal);
        foreach (var region in layout.Others)
        {
            if (!roles.TryGetValue(region.Role, out var list))
                roles[region.Role] = list = [];
            list.Add(region);
        }
        return roles;
    }

    private static string Describe(RoleRegion region) =>
        HexFormat.Address(region.Region.Start) + "-" + HexFormat.Address(region.Region.End) + " " + region.Region.Permissions;
}

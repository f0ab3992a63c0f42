using Forensics.Model;

namespace Forensics.Importers.Text.Smaps;

/// <summary>
/// Checks a smaps_rollup's totals against the regions of the smaps of the same instance merged with it
/// (docs/formats.md#smaps_rollup): each key is the sum of that key over the smaps records.
/// </summary>
public static class SmapsRollupTotals
{
    /// <summary>The name of a rollup key's declared total: <c>smaps_rollup Rss</c>.</summary>
    public const string Prefix = "smaps_rollup ";

    /// <summary>The keys the kernel accumulates before rounding to kB (Pss and the totals made from it).</summary>
    private static readonly HashSet<string> RoundedOnce = new(StringComparer.Ordinal) { "Pss", "Pss_Anon", "Pss_File", "Pss_Shmem", "SwapPss", "Locked" };

    /// <summary>The vsyscall gate page: smaps lists it, the rollup leaves it out of its range and totals.</summary>
    private const ulong VsyscallAddress = 0xffffffffff600000;

    /// <summary>
    /// True when <paramref name="regions"/> span exactly the rollup's range: its header gives the first mapping's
    /// start and the last one's end (older kernels counted the vsyscall page in, newer ones leave it out).
    /// </summary>
    public static bool Covers((ulong Start, ulong End) range, IReadOnlyList<Region> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        if (regions.Count == 0 || regions[0].Start != range.Start)
            return false;
        var last = regions[^1];
        if (range.End == last.End)
            return true;
        return last.Start == VsyscallAddress && regions.Count > 1 && regions[^2].End == range.End;
    }

    /// <summary>
    /// Replaces the rollup's declared totals of <paramref name="capture"/> by ones computed from its regions, where
    /// every region below the vsyscall page gives the key; a total that does not match is a warning.
    /// </summary>
    public static void Check(CaptureBuilder capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var counted = capture.Regions.Where(r => r.Start != VsyscallAddress).ToList();
        for (var index = 0; index < capture.DeclaredTotals.Count; index++)
        {
            var total = capture.DeclaredTotals[index];
            if (!total.Name.StartsWith(Prefix, StringComparison.Ordinal) || total.Checkable)
                continue;
            var key = total.Name[Prefix.Length..];
            ulong sum = 0;
            var complete = counted.Count > 0;
            foreach (var region in counted)
            {
                if (region.Metrics?.ByKey(key) is not { } value)
                {
                    complete = false;
                    break;
                }
                sum += value;
            }
            if (!complete)
                continue;
            var checkedTotal = total with
            {
                ComputedBytes = sum,
                Checkable = true,
                RoundingBytes = RoundedOnce.Contains(key) ? (ulong)counted.Count * 1024 : 0,
            };
            capture.DeclaredTotals[index] = checkedTotal;
            if (!checkedTotal.Matches)
                capture.Diagnostics.Warning(DiagnosticCatalogue.RollupTotalMismatch, total.Location,
                    $"smaps_rollup declares {key} [{total.DeclaredBytes / 1024}] KiB but the smaps records add up to [{sum / 1024}] KiB"
                    + (checkedTotal.RoundingBytes > 0 ? $" (up to [{counted.Count - 1}] KiB more is rounding)" : ""));
        }
    }
}

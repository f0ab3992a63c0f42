using System.Globalization;
using Forensics.Model;

namespace Forensics.Importers.Normalisation;

/// <summary>
/// How a text capture saved beside a core (a maps the program or its crash handler saved before the core was
/// written) differs from that core, when both show one process: either the core's private writable anonymous ranges
/// only grew from the text's, which is the process moving on between the two moments (docs/region-model.md#merging-the-captures-of-one-instance),
/// or the first range that kept them apart.
/// </summary>
internal sealed class MomentDifference
{
    private MomentDifference(Capture text, Capture core) => (Text, Core) = (text, core);

    /// <summary>The text capture, taken first.</summary>
    public Capture Text { get; }

    /// <summary>The core, written after it.</summary>
    public Capture Core { get; }

    /// <summary>Why the two are not merged (naming the range that differed); null when the core only grew.</summary>
    public string? KeptApart { get; private set; }

    /// <summary>Where in the text the range that kept them apart is.</summary>
    public SourceLocation KeptApartAt { get; private set; }

    /// <summary>Each growth: a text range and the core range that holds it, or (no text range) a range only the core has.</summary>
    public List<(Region? Before, Region After)> Changes { get; } = [];

    /// <summary>The ranges of either side that <see cref="Changes"/> name.</summary>
    public HashSet<(ulong Start, ulong End)> ChangedRanges { get; } = [];

    public bool IsGrowth => KeptApart is null;

    /// <summary>Compares <paramref name="text"/>, taken first, with <paramref name="core"/>, taken after it.</summary>
    public static MomentDifference Of(Capture text, InstanceFingerprint textPrint, Capture core, InstanceFingerprint corePrint, int matchPercent)
    {
        var difference = new MomentDifference(text, core);
        if (!difference.FileRangesMatch(textPrint, corePrint, matchPercent))
            return difference;
        var later = corePrint.AnonymousWritable.Values.OrderBy(r => r.Start).ToArray();
        var starts = Array.ConvertAll(later, r => r.Start);
        var holding = new HashSet<Region>(ReferenceEqualityComparer.Instance);
        foreach (var before in textPrint.AnonymousWritable.Values.OrderBy(r => r.Start))
        {
            var at = Array.BinarySearch(starts, before.Start);
            var candidate = at >= 0 ? at : ~at - 1;
            var after = candidate >= 0 && later[candidate].End >= before.End ? later[candidate] : null;
            if (after is null)
            {
                difference.Apart(before);
                return difference;
            }
            holding.Add(after);
            if (after.Start != before.Start || after.End != before.End)
                difference.Add(before, after);
        }
        foreach (var after in later.Where(r => !holding.Contains(r)))
            difference.Add(null, after);
        return difference;
    }

    private bool FileRangesMatch(InstanceFingerprint textPrint, InstanceFingerprint corePrint, int matchPercent)
    {
        var (smaller, larger) = textPrint.Ranges.Count <= corePrint.Ranges.Count ? (textPrint, corePrint) : (corePrint, textPrint);
        var missing = smaller.Ranges.Values.Where(r => !(larger.Ranges.TryGetValue((r.Start, r.End), out var other) && RegionComparison.NamesCompatible(r, other)))
            .OrderBy(r => r.Start).ToList();
        var matched = smaller.Ranges.Count - missing.Count;
        if (smaller.Ranges.Count > 0 && matched * 100 >= smaller.Ranges.Count * matchPercent)
            return true;
        var (from, to) = ReferenceEquals(smaller, textPrint) ? (Text, Core) : (Core, Text);
        var first = missing.Count > 0 ? missing[0] : null;
        KeptApart = string.Create(CultureInfo.InvariantCulture,
            $"not merged with [{CaptureMerge.Source(Core)}] of the same process: only [{matched}] of the [{smaller.Ranges.Count}] file-backed ranges of [{CaptureMerge.Source(from)}] are at the same addresses in [{CaptureMerge.Source(to)}] ([{matchPercent}]% needed)")
            + (first is null ? "" : $"; the first that is not: [{CaptureMerge.Range(first)}] {CaptureMerge.Describe(first)} of [{CaptureMerge.Label(from, first)}], {Counterpart(first, to)}");
        KeptApartAt = ReferenceEquals(from, Text) && first is not null ? first.Location : SourceLocation.None;
        return false;
    }

    /// <summary>What <paramref name="other"/> has where <paramref name="range"/> is: pieces of it (a core that dumped part of a mapping), other bounds, or nothing.</summary>
    private static string Counterpart(Region range, Capture other)
    {
        var overlapping = other.Regions.Where(r => r.Start < range.End && r.End > range.Start).ToList();
        return overlapping.Count switch
        {
            0 => $"which [{CaptureMerge.Source(other)}] does not map",
            1 => $"which is [{CaptureMerge.Range(overlapping[0])}] in [{CaptureMerge.Source(other)}]",
            _ => string.Create(CultureInfo.InvariantCulture, $"which is split into [{overlapping.Count}] ranges in [{CaptureMerge.Source(other)}]"),
        };
    }

    private void Apart(Region before)
    {
        KeptApartAt = before.Location;
        KeptApart = $"not merged with [{CaptureMerge.Source(Core)}] of the same process: range [{CaptureMerge.Range(before)}] {Permissions(before)} of [{CaptureMerge.Label(Text, before)}], "
            + Counterpart(before, Core) + ", is not held by a range of the core: the process unmapped, moved or shrank it between the two captures, which growth alone does not do";
    }

    private void Add(Region? before, Region after)
    {
        Changes.Add((before, after));
        ChangedRanges.Add((after.Start, after.End));
        if (before is not null)
            ChangedRanges.Add((before.Start, before.End));
    }

    /// <summary>The diagnostic text of one of <see cref="Changes"/>.</summary>
    public string Describe((Region? Before, Region After) change) => change.Before is { } before
        ? string.Create(CultureInfo.InvariantCulture,
            $"changed between captures: range [{CaptureMerge.Range(before)}] {Permissions(before)} of [{CaptureMerge.Label(Text, before)}] is [{CaptureMerge.Range(change.After)}] in [{CaptureMerge.Source(Core)}]: [{change.After.Size - before.Size}] bytes more")
        : string.Create(CultureInfo.InvariantCulture,
            $"changed between captures: range [{CaptureMerge.Range(change.After)}] {Permissions(change.After)} is in [{CaptureMerge.Source(Core)}] but not in [{CaptureMerge.Source(Text)}]: mapped after it");

    private static string Permissions(Region region) => $"[{region.Permissions}] (anonymous{(region.Name is { } name ? " " + name : "")})";
}

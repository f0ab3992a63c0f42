using System.Globalization;
using Forensics.Importers.Text.Smaps;
using Forensics.Model;

namespace Forensics.Importers.Normalisation;

/// <summary>
/// Combines the normalised captures of one process instance into a new builder, for the caller to normalise
/// (<see cref="InstanceMerger"/>) or to finish as an importer (an apport report, whose maps and core are one input). The richest source (core &gt; smaps &gt; maps &gt; pmap -x &gt; pmap
/// &gt; gdb) gives the regions first; each other source then fills what it knows: device, inode, full names, full
/// permissions (a text source's known bits win over a core's p_flags, which gdb's gcore sets to R on PROT_NONE
/// regions), offsets and metrics. Every disagreement is a diagnostic naming both inputs.
/// </summary>
internal static class CaptureMerge
{
    /// <summary>
    /// Kinds an importer decides from what only it sees (a core's thread SPs, AT_SYSINFO_EHDR): the merged capture states
    /// them (<see cref="Region.StatedKind"/>); others are re-derived.
    /// </summary>
    private static readonly HashSet<RegionKind> ImporterKinds =
        [RegionKind.Heap, RegionKind.Stack, RegionKind.ThreadStack, RegionKind.Vdso, RegionKind.Vvar, RegionKind.Vsyscall];

    /// <param name="members">The captures of one instance, the group's first input first.</param>
    /// <param name="changedBetweenCaptures">Ranges that differ because the captures were taken at two moments
    /// (<see cref="MomentDifference"/>): the caller reports them, so they are not disagreements.</param>
    public static CaptureBuilder Combine(List<Capture> members, IReadOnlySet<(ulong Start, ulong End)>? changedBetweenCaptures = null)
    {
        var changed = changedBetweenCaptures ?? new HashSet<(ulong Start, ulong End)>();
        var first = members[0];
        var byRichness = members.OrderByDescending(c => Richness(c.Format)).ToList();
        var richest = byRichness[0];
        var core = members.Find(c => c.Format is CaptureFormat.Core or CaptureFormat.Apport or CaptureFormat.Minidump or CaptureFormat.Abrt);
        var merged = new CaptureBuilder
        {
            Id = first.Id,
            InputPath = first.InputPath,
            LineRange = first.LineRange,
            Sha256 = first.Sha256,
            Format = richest.Format,
            Variant = richest.Variant,
            Architecture = core?.Architecture ?? Architecture.Unknown,
            Pid = byRichness.Select(c => c.Pid).FirstOrDefault(p => p is not null),
            ProcessName = byRichness.Select(c => c.ProcessName).FirstOrDefault(p => p is not null),
            CommandLine = byRichness.Select(c => c.CommandLine).FirstOrDefault(p => p is not null),
            Totals = byRichness.Select(c => c.Totals).FirstOrDefault(t => t is not null),
            TotalsRange = byRichness.Select(c => c.TotalsRange).FirstOrDefault(t => t is not null),
            UnsupportedReason = members.Select(c => c.UnsupportedReason).FirstOrDefault(r => r is not null),
        };
        // What the importers saw (an ELF header, gdb's column widths) is kept; the layout evidence is re-derived below.
        merged.ArchitectureEvidence.AddRange(byRichness.SelectMany(c => c.ArchitectureEvidence)
            .Where(e => !ArchitectureDetector.IsLayoutEvidence(e)).Distinct(StringComparer.Ordinal));
        var state = core ?? byRichness.Find(c => c.Threads.Count > 0 || c.Auxv.Count > 0 || c.Images.Count > 0) ?? richest;
        merged.Threads.AddRange(state.Threads);
        merged.Signal = state.Signal;
        merged.Process = state.Process;
        merged.Auxv.AddRange(state.Auxv);
        merged.Images.AddRange(state.Images);
        merged.Notes.AddRange(state.Notes);
        merged.Runtime = state.Runtime;

        merged.Facts.AddRange(members.SelectMany(m => m.Facts).Distinct());
        foreach (var member in members)
        {
            merged.MergedInputs.Add(Label(member));
            merged.DeclaredTotals.AddRange(member.DeclaredTotals);
            foreach (var diagnostic in member.Diagnostics.Items)
            {
                merged.Diagnostics.Add(ReferenceEquals(member, first) ? diagnostic
                    : diagnostic with { Message = $"in [{Label(member)}]: {diagnostic.Message}" });
            }
        }

        var origins = new Dictionary<Region, Capture>(ReferenceEqualityComparer.Instance);
        foreach (var region in richest.Regions)
        {
            var copy = Copy(region);
            merged.Regions.Add(copy);
            origins.Add(copy, richest);
        }
        merged.Regions.Sort((a, b) => a.Start.CompareTo(b.Start));
        var mergedSoFar = new List<string> { Source(richest) };
        // A smaps_rollup has totals and no regions: nothing to merge region by region.
        foreach (var member in byRichness.Skip(1).Where(m => m.Regions.Count > 0))
        {
            MergeRegions(merged, member, origins, string.Join(", ", mergedSoFar), changed);
            mergedSoFar.Add(Source(member));
        }

        return merged;
    }

    private static void MergeRegions(CaptureBuilder merged, Capture member, Dictionary<Region, Capture> origins, string mergedSoFar,
        IReadOnlySet<(ulong Start, ulong End)> changed)
    {
        var byRange = new Dictionary<(ulong, ulong), Region>();
        foreach (var region in merged.Regions)
            byRange.TryAdd((region.Start, region.End), region);
        var existing = merged.Regions.ToArray();
        var matched = new HashSet<Region>(ReferenceEqualityComparer.Instance);
        var added = new List<Region>();
        foreach (var region in member.Regions)
        {
            if (byRange.TryGetValue((region.Start, region.End), out var target))
            {
                if (matched.Add(target))
                    Fill(merged, target, origins[target], region, member);
                continue;
            }
            var overlapped = FindOverlap(existing, region);
            if (overlapped is not null && changed.Contains((region.Start, region.End)))
                continue;
            if (overlapped is not null)
            {
                Report(merged, DiagnosticCatalogue.MergeRangeBounds, overlapped,
                    $"range [{Range(region)}] {Describe(region)} of [{Label(member, region)}] overlaps [{Range(overlapped)}] of [{Label(origins[overlapped], overlapped)}] with other bounds; the first is left out");
                continue;
            }
            var copy = Copy(region);
            added.Add(copy);
            origins.Add(copy, member);
            if (!changed.Contains((region.Start, region.End)))
            {
                Report(merged, DiagnosticCatalogue.MergeRangeMissing, region,
                    $"range [{Range(region)}] {Describe(region)} is in [{Label(member, region)}] but not in [{mergedSoFar}]");
            }
        }
        foreach (var region in existing)
        {
            if (!matched.Contains(region) && !ReferenceEquals(origins[region], member) && !changed.Contains((region.Start, region.End)))
            {
                Report(merged, DiagnosticCatalogue.MergeRangeMissing, region,
                    $"range [{Range(region)}] {Describe(region)} is in [{Label(origins[region], region)}] but not in [{Source(member)}]");
            }
        }
        if (added.Count > 0)
        {
            merged.Regions.AddRange(added);
            var sorted = merged.Regions.OrderBy(r => r.Start).ToArray();
            merged.Regions.Clear();
            merged.Regions.AddRange(sorted);
        }
    }

    /// <summary>Fills <paramref name="target"/> (from a richer source) with what <paramref name="other"/> adds, reporting conflicts.</summary>
    private static void Fill(CaptureBuilder merged, Region target, Capture targetSource, Region other, Capture otherSource)
    {
        var both = $"[{Label(targetSource, target)}] and [{Label(otherSource, other)}]";
        var textOverCore = targetSource.Format == CaptureFormat.Core && otherSource.Format != CaptureFormat.Core;
        target.Sources |= other.Sources;

        if (target.Name is null || other.Name is null)
        {
            // A core's PT_LOAD and pmap's [ anon ] cannot carry kernel pseudo-names; a missing path is a real gap.
            var named = target.Name ?? other.Name;
            if (named is not null && !RegionNames.IsBracketed(named))
                Report(merged, DiagnosticCatalogue.MergeName, target, $"range [{Range(target)}] is named [{named}] by only one of {both}");
            if (target.Name is null && other.Name is not null)
                TakeName(target, other);
        }
        else if (!RegionComparison.NamesCompatible(target, other) || target.Deleted != other.Deleted)
        {
            Report(merged, DiagnosticCatalogue.MergeName, target,
                $"range [{Range(target)}] is named [{target.DisplayName}] and [{other.DisplayName}] by {both}");
        }
        else if ((target.NameIsBasename && !other.NameIsBasename) || (textOverCore && !other.NameIsBasename))
        {
            TakeName(target, other);
        }

        if (Conflict(target.Permissions, other.Permissions))
        {
            Report(merged, DiagnosticCatalogue.MergePermissions, target,
                $"range [{Range(target)}] has permissions [{target.Permissions}] and [{other.Permissions}] in {both}");
        }
        target.Permissions = textOverCore ? other.Permissions.FillFrom(target.Permissions) : target.Permissions.FillFrom(other.Permissions);

        if (target.Offset is { } offset && other.Offset is { } otherOffset && offset != otherOffset)
        {
            Report(merged, DiagnosticCatalogue.MergeOffset, target,
                $"range [{Range(target)}] has file offset [0x{offset:x}] and [0x{otherOffset:x}] in {both}");
        }
        target.Offset ??= other.Offset;

        if ((target.Device is { } device && other.Device is { } otherDevice && !RegionComparison.DevicesEqual(device, otherDevice))
            || (target.Inode is { } inode && other.Inode is { } otherInode && inode != otherInode))
        {
            Report(merged, DiagnosticCatalogue.MergeFileIdentity, target,
                $"range [{Range(target)}] has device/inode [{target.Device} {target.Inode}] and [{other.Device} {other.Inode}] in {both}");
        }
        target.Device ??= other.Device;
        target.Inode ??= other.Inode;
        target.Metrics ??= other.Metrics;
        target.VmFlags ??= other.VmFlags;
        target.DumpedBytes ??= other.DumpedBytes;
        target.CoreFileOffset ??= other.CoreFileOffset;
        target.ThreadId ??= other.ThreadId;
        target.RuntimeRole ??= other.RuntimeRole;
        if (target.StatedKind == RegionKind.Unknown && ImporterKinds.Contains(other.Kind))
            target.StatedKind = other.Kind;
    }

    private static void TakeName(Region target, Region other)
    {
        target.Name = other.Name;
        target.Deleted = other.Deleted;
        target.NameIsBasename = other.NameIsBasename;
        target.NameTruncated = other.NameTruncated;
    }

    private static bool Conflict(Permissions a, Permissions b) =>
        Differ(a.CanRead, b.CanRead) || Differ(a.CanWrite, b.CanWrite) || Differ(a.CanExecute, b.CanExecute) || Differ(a.IsShared, b.IsShared);

    private static bool Differ(bool? a, bool? b) => a is not null && b is not null && a != b;

    private static Region? FindOverlap(Region[] sorted, Region region)
    {
        // The last region starting below the candidate's end is the only one that can overlap it, as the merged
        // regions do not overlap one another (where they do, normalisation reports it).
        int low = 0, high = sorted.Length - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) >> 1);
            if (sorted[mid].Start < region.End) low = mid + 1;
            else high = mid - 1;
        }
        return high >= 0 && sorted[high].End > region.Start ? sorted[high] : null;
    }

    private static Region Copy(Region region) => new(region.Start, region.End)
    {
        Permissions = region.Permissions,
        Offset = region.Offset,
        Device = region.Device,
        Inode = region.Inode,
        Name = region.Name,
        Deleted = region.Deleted,
        NameIsBasename = region.NameIsBasename,
        NameTruncated = region.NameTruncated,
        StatedKind = ImporterKinds.Contains(region.Kind) ? region.Kind : RegionKind.Unknown,
        Metrics = region.Metrics,
        VmFlags = region.VmFlags,
        DumpedBytes = region.DumpedBytes,
        CoreFileOffset = region.CoreFileOffset,
        Sources = region.Sources,
        Location = region.Location,
        RuntimeRole = region.RuntimeRole,
        ThreadId = region.ThreadId,
    };

    private static int Richness(CaptureFormat format) => format switch
    {
        CaptureFormat.Core or CaptureFormat.Apport or CaptureFormat.Minidump or CaptureFormat.Abrt => 6,
        CaptureFormat.Smaps => 5,
        CaptureFormat.Maps => 4,
        CaptureFormat.PmapExtended => 3,
        CaptureFormat.Pmap => 2,
        CaptureFormat.Gdb => 1,
        _ => 0,
    };

    private static void Report(CaptureBuilder merged, DiagnosticDescriptor descriptor, Region at, string message) =>
        merged.Diagnostics.Warning(descriptor, at.Location, message);

    /// <summary>The input as listed in <see cref="Capture.MergedInputs"/>: its path, and its line range within a document.</summary>
    internal static string Label(Capture capture) =>
        capture.LineRange is { } lines
            ? string.Create(CultureInfo.InvariantCulture, $"{capture.InputPath}:{lines.First}-{lines.Last}")
            : capture.InputPath;

    /// <summary>The input with its format, as diagnostics name it: <c>maps set/maps</c>.</summary>
    internal static string Source(Capture capture) => $"{capture.Format.ToId()} {Label(capture)}";

    internal static string Label(Capture capture, Region region) =>
        region.Location == SourceLocation.None ? Source(capture) : $"{Source(capture)} {region.Location}";

    internal static string Range(Region region) => string.Create(CultureInfo.InvariantCulture, $"0x{region.Start:x}-0x{region.End:x}");

    internal static string Describe(Region region) => region.DisplayName is { } name ? $"[{name}]" : "(anonymous)";
}

using Forensics.Elf;
using Forensics.Elf.Notes;
using Forensics.Model;

namespace Forensics.Importers.Core;

/// <summary>
/// Regions of a core: the union of PT_LOAD segments (ranges, p_flags, what was dumped) and NT_FILE entries
/// (names and file offsets, and the file-backed ranges gcore leaves out), docs/formats.md#nt_file.
/// </summary>
internal static class CoreRegionBuilder
{
    private const string DeletedSuffix = " (deleted)";

    public static List<Region> Build(ElfCoreFile file, FileNote? files, ulong filesOffset, bool writtenByGdb, DiagnosticBag diagnostics)
    {
        var regions = new List<Region>(file.LoadSegments.Count);
        foreach (var load in file.LoadSegments)
        {
            if (load.MemorySize == 0)
                continue;
            regions.Add(new Region(load.VirtualAddress, load.MemoryEnd)
            {
                Permissions = LoadPermissions(load, writtenByGdb),
                DumpedBytes = Math.Min(load.FileSize, load.MemorySize),
                CoreFileOffset = load.Offset,
                Sources = RegionSources.CoreLoad,
                Location = SourceLocation.AtOffset(load.HeaderOffset),
            });
        }
        if (files is not null)
        {
            regions = SplitAtFileBoundaries(regions, files);
            regions.AddRange(MergeFiles(regions, files, filesOffset, diagnostics));
        }
        regions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return regions;
    }

    /// <summary>
    /// Splits a segment that spans several NT_FILE entries at their boundaries. createdump merges adjacent
    /// mappings into one PT_LOAD; the kernel and gcore never do, so their segments are left whole.
    /// </summary>
    private static List<Region> SplitAtFileBoundaries(List<Region> regions, FileNote files)
    {
        var boundaries = new SortedSet<ulong>(files.Entries.SelectMany(e => new[] { e.Start, e.End }));
        var result = new List<Region>(regions.Count);
        foreach (var region in regions)
        {
            var cuts = boundaries.GetViewBetween(region.Start, region.End).Where(b => b > region.Start && b < region.End).ToList();
            if (cuts.Count == 0)
            {
                result.Add(region);
                continue;
            }
            var start = region.Start;
            foreach (var end in cuts.Append(region.End))
            {
                var skip = start - region.Start;
                var dumped = region.DumpedBytes is { } total && total > skip ? Math.Min(total - skip, end - start) : 0;
                result.Add(new Region(start, end)
                {
                    Permissions = region.Permissions,
                    DumpedBytes = dumped,
                    CoreFileOffset = region.CoreFileOffset + skip,
                    Sources = region.Sources,
                    Location = region.Location,
                });
                start = end;
            }
        }
        return result;
    }

    private static Permissions LoadPermissions(ProgramHeader load, bool writtenByGdb)
    {
        if (!writtenByGdb)
            return Permissions.OfAccess(load.CanRead, load.CanWrite, load.CanExecute);
        // BFD sets PF_R on every segment gcore writes, PROT_NONE ones included (docs/formats.md#gdb-gcore-cores): read is unknown.
        Permissions.TryParse("?" + (load.CanWrite ? "w" : "-") + (load.CanExecute ? "x" : "-"), out var permissions);
        return permissions;
    }

    /// <summary>Names the PT_LOAD regions inside each NT_FILE entry and returns regions for the parts no PT_LOAD covers.</summary>
    private static List<Region> MergeFiles(List<Region> loads, FileNote files, ulong filesOffset, DiagnosticBag diagnostics)
    {
        var location = SourceLocation.AtOffset(filesOffset);
        var added = new List<Region>();
        foreach (var entry in files.Entries)
        {
            if (entry.End <= entry.Start)
            {
                diagnostics.Warning(CoreDiagnosticIds.FileEntryInvalid, location,
                    $"NT_FILE entry [0x{entry.Start:x}-0x{entry.End:x}] for [{entry.Name}] is empty or reversed; ignored");
                continue;
            }
            var (name, deleted) = SplitName(entry.Name);
            var covered = entry.Start;
            foreach (var region in Overlapping(loads, entry.Start, entry.End))
            {
                if (region.Start < entry.Start || region.End > entry.End)
                {
                    diagnostics.Warning(CoreDiagnosticIds.FileEntryPartialOverlap, location,
                        $"NT_FILE entry [0x{entry.Start:x}-0x{entry.End:x}] for [{entry.Name}] only partly overlaps segment [0x{region.Start:x}-0x{region.End:x}]");
                    covered = Math.Max(covered, Math.Min(region.End, entry.End));
                    continue;
                }
                if (region.Start > covered)
                    added.Add(FileOnly(covered, region.Start, entry, name, deleted, location));
                region.Name = name;
                region.Deleted = deleted;
                region.Offset = entry.FileOffset + (region.Start - entry.Start);
                region.Sources |= RegionSources.CoreFile;
                covered = region.End;
            }
            if (covered < entry.End)
                added.Add(FileOnly(covered, entry.End, entry, name, deleted, location));
        }
        return added;
    }

    private static Region FileOnly(ulong start, ulong end, FileNoteEntry entry, string name, bool deleted, SourceLocation location) =>
        new(start, end)
        {
            Permissions = Permissions.Unknown,
            Name = name,
            Deleted = deleted,
            Offset = entry.FileOffset + (start - entry.Start),
            Sources = RegionSources.CoreFile,
            Location = location,
        };

    private static IEnumerable<Region> Overlapping(List<Region> sorted, ulong start, ulong end)
    {
        int low = 0, high = sorted.Count - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) >> 1);
            if (sorted[mid].End <= start) low = mid + 1;
            else high = mid - 1;
        }
        for (var index = low; index < sorted.Count && sorted[index].Start < end; index++)
        {
            if (sorted[index].End > start)
                yield return sorted[index];
        }
    }

    /// <summary>
    /// Strips <c> (deleted)</c> into a flag. The kernel writes raw d_path bytes, so a newline in a name is a real
    /// newline; it is written as maps does (<c>\012</c>) so names join with the maps text of the same process.
    /// </summary>
    private static (string Name, bool Deleted) SplitName(string raw)
    {
        var deleted = raw.EndsWith(DeletedSuffix, StringComparison.Ordinal);
        var name = deleted ? raw[..^DeletedSuffix.Length] : raw;
        return (name.Replace("\n", "\\012", StringComparison.Ordinal), deleted);
    }
}

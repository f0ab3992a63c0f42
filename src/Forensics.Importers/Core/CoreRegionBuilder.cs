using Forensics.Elf;
using Forensics.Elf.Notes;
using Forensics.Model;

namespace Forensics.Importers.Core;

/// <summary>
/// Regions of a core: the union of PT_LOAD segments (ranges, p_flags, what was dumped) and NT_FILE entries
/// (names and file offsets, and the file-backed ranges gcore leaves out), docs/formats.md#nt_file.
/// </summary>
/// <remarks>
/// Segments and entries are merged in one sweep over both sorted lists, so the work and the regions grow with
/// segments + entries, never with their product: each region ends at a segment or entry boundary, which makes at
/// most 2 × (segments + entries) regions.
/// </remarks>
internal static class CoreRegionBuilder
{
    private const string DeletedSuffix = " (deleted)";

    public static List<Region> Build(ElfCoreFile file, FileMappings files, bool writtenByGdb, IReadCheckpoint checkpoint)
    {
        var sweep = new Sweep(files, checkpoint);
        var mergedEnd = 0UL;
        var index = 0;
        foreach (var load in file.LoadSegments)
        {
            if (index++ % ReadCheckpoints.EntriesPerCheck == 0)
                checkpoint.Check(load.HeaderOffset);
            if (load.MemorySize == 0)
                continue;
            // A segment overlapping an earlier one (the reader reports it) is kept whole and unnamed, out of the sweep.
            if (load.VirtualAddress < mergedEnd)
                sweep.Regions.Add(LoadPiece(load, load.VirtualAddress, load.MemoryEnd, writtenByGdb));
            else
                sweep.AddSegment(load, writtenByGdb);
            mergedEnd = Math.Max(mergedEnd, load.MemoryEnd);
        }
        sweep.AddFileOnlyBelow(ulong.MaxValue);
        sweep.Regions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return sweep.Regions;
    }

    /// <summary>
    /// Walks the segments in address order with a cursor into the (sorted, disjoint) entries. A segment is cut at
    /// the entry boundaries inside it (createdump merges adjacent mappings into one PT_LOAD; the kernel and gcore
    /// never do) and each piece inside an entry is named by it; entry ranges no segment covers become regions of
    /// their own.
    /// </summary>
    private sealed class Sweep(FileMappings files, IReadCheckpoint checkpoint)
    {
        private readonly IReadOnlyList<FileNoteEntry> _entries = files.Entries;
        /// <summary>The first entry not yet wholly turned into regions.</summary>
        private int _next;
        /// <summary>Entry addresses below this are in regions already.</summary>
        private ulong _done;

        public List<Region> Regions { get; } = [];

        public void AddSegment(ProgramHeader load, bool writtenByGdb)
        {
            AddFileOnlyBelow(load.VirtualAddress);
            // Now the entry at _next, if any, ends above the segment's start.
            var position = load.VirtualAddress;
            while (position < load.MemoryEnd)
            {
                if (_next == _entries.Count || _entries[_next].Start >= load.MemoryEnd)
                {
                    Regions.Add(LoadPiece(load, position, load.MemoryEnd, writtenByGdb));
                    break;
                }
                var entry = _entries[_next];
                if (entry.Start > position)
                {
                    Regions.Add(LoadPiece(load, position, entry.Start, writtenByGdb));
                    position = entry.Start;
                    continue;
                }
                var end = Math.Min(load.MemoryEnd, entry.End);
                var piece = LoadPiece(load, position, end, writtenByGdb);
                Name(piece, entry);
                piece.Sources |= RegionSources.CoreFile;
                Regions.Add(piece);
                position = end;
                if (end == entry.End)
                    _next++;
            }
            _done = load.MemoryEnd;
        }

        /// <summary>Regions for the entry ranges below <paramref name="address"/> that are in no region yet.</summary>
        public void AddFileOnlyBelow(ulong address)
        {
            for (; _next < _entries.Count && _entries[_next].Start < address; _next++)
            {
                if (_next % ReadCheckpoints.EntriesPerCheck == 0)
                    checkpoint.Check(null);
                var entry = _entries[_next];
                var start = Math.Max(_done, entry.Start);
                var end = Math.Min(entry.End, address);
                if (start < end)
                {
                    var region = new Region(start, end) { Permissions = Permissions.Unknown, Sources = RegionSources.CoreFile, Location = files.Location };
                    Name(region, entry);
                    Regions.Add(region);
                }
                if (entry.End > address)
                    break;
            }
            _done = Math.Max(_done, address);
        }
    }

    private static Region LoadPiece(ProgramHeader load, ulong start, ulong end, bool writtenByGdb)
    {
        var skip = start - load.VirtualAddress;
        var dumped = Math.Min(load.FileSize, load.MemorySize);
        return new Region(start, end)
        {
            Permissions = LoadPermissions(load, writtenByGdb),
            DumpedBytes = dumped > skip ? Math.Min(dumped - skip, end - start) : 0,
            CoreFileOffset = load.Offset + skip,
            Sources = RegionSources.CoreLoad,
            Location = SourceLocation.AtOffset(load.HeaderOffset),
        };
    }

    private static Permissions LoadPermissions(ProgramHeader load, bool writtenByGdb)
    {
        if (!writtenByGdb)
            return Permissions.OfAccess(load.CanRead, load.CanWrite, load.CanExecute);
        // BFD sets PF_R on every segment gcore writes, PROT_NONE ones included (docs/formats.md#gdb-gcore-cores): read is unknown.
        Permissions.TryParse("?" + (load.CanWrite ? "w" : "-") + (load.CanExecute ? "x" : "-"), out var permissions);
        return permissions;
    }

    /// <summary>
    /// Names <paramref name="region"/> after the entry, with <c> (deleted)</c> stripped into a flag. The kernel
    /// writes raw d_path bytes, so a newline in a name is a real newline; it is written as maps does (<c>\012</c>)
    /// so names join with the maps text of the same process.
    /// </summary>
    private static void Name(Region region, FileNoteEntry entry)
    {
        var deleted = entry.Name.EndsWith(DeletedSuffix, StringComparison.Ordinal);
        var name = deleted ? entry.Name[..^DeletedSuffix.Length] : entry.Name;
        region.Name = name.Replace("\n", "\\012", StringComparison.Ordinal);
        region.Deleted = deleted;
        region.Offset = entry.FileOffset + (region.Start - entry.Start);
    }
}

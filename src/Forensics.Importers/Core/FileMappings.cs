using System.Globalization;
using Forensics.Elf;
using Forensics.Elf.Notes;
using Forensics.Model;

namespace Forensics.Importers.Core;

/// <summary>
/// The NT_FILE entries the region builder and the image finder use: non-empty, sorted by start and disjoint. The
/// kernel and gdb write one entry per mapping, so real entries never overlap; an entry that is empty, reversed or
/// overlaps an earlier one is left out (one error for each kind, with how many), so that no later step does work
/// in proportion to entries × segments.
/// </summary>
internal sealed class FileMappings
{
    private FileMappings(List<FileNoteEntry> entries, SourceLocation location)
    {
        Entries = entries;
        Location = location;
    }

    public static FileMappings None { get; } = new([], SourceLocation.None);

    /// <summary>Sorted by start, disjoint, none empty.</summary>
    public IReadOnlyList<FileNoteEntry> Entries { get; }

    /// <summary>Where the NT_FILE note is.</summary>
    public SourceLocation Location { get; }

    public static FileMappings From(FileNote? files, ulong noteOffset, DiagnosticBag diagnostics, IReadCheckpoint checkpoint)
    {
        if (files is null)
            return None;
        var location = SourceLocation.AtOffset(noteOffset);
        var sorted = new List<FileNoteEntry>(files.Entries.Count);
        FileNoteEntry? firstEmpty = null;
        var empty = 0;
        foreach (var entry in files.Entries)
        {
            if (entry.End > entry.Start)
            {
                sorted.Add(entry);
                continue;
            }
            firstEmpty ??= entry;
            empty++;
        }
        if (firstEmpty is { } invalid)
        {
            diagnostics.Error(DiagnosticCatalogue.FileEntryInvalid, location, string.Create(CultureInfo.InvariantCulture,
                $"[{empty}] NT_FILE entries are empty or reversed, the first [0x{invalid.Start:x}-0x{invalid.End:x}] for [{invalid.Name}]; ignored"));
        }

        // OrderBy is stable: of two entries with the same start, the first in the note is kept.
        checkpoint.Check(null);
        var ordered = sorted.OrderBy(entry => entry.Start);
        var kept = new List<FileNoteEntry>(sorted.Count);
        FileNoteEntry? firstOverlap = null;
        var overlapping = 0;
        foreach (var entry in ordered)
        {
            if ((kept.Count + overlapping) % ReadCheckpoints.EntriesPerCheck == 0)
                checkpoint.Check(noteOffset);
            if (kept.Count > 0 && entry.Start < kept[^1].End)
            {
                firstOverlap ??= entry;
                overlapping++;
                continue;
            }
            kept.Add(entry);
        }
        if (firstOverlap is { } overlap)
        {
            diagnostics.Error(DiagnosticCatalogue.FileEntriesOverlap, location, string.Create(CultureInfo.InvariantCulture,
                $"[{overlapping}] NT_FILE entries overlap an earlier entry, the first [0x{overlap.Start:x}-0x{overlap.End:x}] for [{overlap.Name}]; mappings never overlap, so they are ignored"));
        }
        return new FileMappings(kept, location);
    }

    /// <summary>The entry that maps <paramref name="address"/>, by binary search.</summary>
    public FileNoteEntry? Find(ulong address)
    {
        int low = 0, high = Entries.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var entry = Entries[middle];
            if (address < entry.Start) high = middle - 1;
            else if (address >= entry.End) low = middle + 1;
            else return entry;
        }
        return null;
    }
}

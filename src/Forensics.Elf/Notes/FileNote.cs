namespace Forensics.Elf.Notes;

/// <summary>NT_FILE: count, page size, count × {start, end, file_ofs in pages}, then count names (docs/formats.md#nt_file).</summary>
public sealed record FileNote(ulong PageSize, IReadOnlyList<FileNoteEntry> Entries)
{
    /// <summary>
    /// Decodes the note. Entries that do not fit, names that are missing, and counts above
    /// <paramref name="maxEntries"/> are reported through <paramref name="problem"/>; what was readable is kept.
    /// </summary>
    public static FileNote? Parse(ReadOnlySpan<byte> desc, bool is64, int maxEntries, out string? problem)
    {
        problem = null;
        var word = is64 ? 8 : 4;
        if (desc.Length < 2 * word)
        {
            problem = $"NT_FILE has [{desc.Length}] bytes, too short for its count and page size";
            return null;
        }
        var count = LittleEndian.Word(desc, 0, is64);
        var pageSize = LittleEndian.Word(desc, word, is64);
        var fits = (ulong)(desc.Length - (2 * word)) / (ulong)(3 * word);
        if (count > fits || count > (ulong)maxEntries)
        {
            problem = $"NT_FILE declares [{count}] entries but [{Math.Min(fits, (ulong)maxEntries)}] fit";
            count = Math.Min(fits, (ulong)maxEntries);
        }
        var entries = new List<FileNoteEntry>((int)count);
        var names = desc[(2 * word + (int)count * 3 * word)..];
        for (var index = 0; index < (int)count; index++)
        {
            var at = (2 * word) + (index * 3 * word);
            if (index % ReadBudget.EntriesPerCheck == 0)
                ReadBudget.Check();
            var end = names.IndexOf((byte)0);
            if (names.IsEmpty)
            {
                problem ??= $"NT_FILE names end after [{index}] of [{count}] entries";
                break;
            }
            var name = LittleEndian.PathText(end < 0 ? names : names[..end]);
            names = end < 0 ? [] : names[(end + 1)..];
            var start = LittleEndian.Word(desc, at, is64);
            var stop = LittleEndian.Word(desc, at + word, is64);
            var pages = LittleEndian.Word(desc, at + (2 * word), is64);
            // The offset is in pages of pageSize; saturate rather than wrap on a lying page size.
            var offset = pageSize != 0 && pages > ulong.MaxValue / pageSize ? ulong.MaxValue : pages * pageSize;
            entries.Add(new FileNoteEntry(start, stop, offset, name));
        }
        return new FileNote(pageSize, entries);
    }
}

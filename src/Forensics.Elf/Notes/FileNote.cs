using System.Numerics;

namespace Forensics.Elf.Notes;

/// <summary>NT_FILE: count, page size, count × {start, end, file_ofs in pages}, then count names (docs/formats.md#nt_file).</summary>
public sealed record FileNote(ulong PageSize, IReadOnlyList<FileNoteEntry> Entries)
{
    /// <summary>
    /// Decodes the note. A count that does not fit or is above <paramref name="maxEntries"/>, a page size that is
    /// not a power of two, names that are missing, not NUL-terminated or left over after the count are each
    /// reported to <paramref name="sink"/> at <paramref name="noteOffset"/>, the note's offset; what was readable is kept.
    /// <paramref name="checkpoint"/> (none when null) is passed between entries.
    /// </summary>
    public static FileNote? Parse(ReadOnlySpan<byte> desc, bool is64, int maxEntries, IElfDiagnosticSink sink, ulong noteOffset, IReadCheckpoint? checkpoint = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        checkpoint ??= ReadCheckpoints.Unlimited;
        void Report(string message) => sink.Report(ElfProblem.FileNoteMalformed, noteOffset, message);
        var word = is64 ? 8 : 4;
        if (desc.Length < 2 * word)
        {
            Report($"NT_FILE has [{desc.Length}] bytes, too short for its count and page size");
            return null;
        }
        var count = LittleEndian.Word(desc, 0, is64);
        var pageSize = LittleEndian.Word(desc, word, is64);
        var fits = (ulong)(desc.Length - (2 * word)) / (ulong)(3 * word);
        if (count > fits || count > (ulong)maxEntries)
        {
            Report($"NT_FILE declares [{count}] entries but [{Math.Min(fits, (ulong)maxEntries)}] fit");
            count = Math.Min(fits, (ulong)maxEntries);
        }
        var pageSizeUsable = BitOperations.IsPow2(pageSize);
        if (!pageSizeUsable)
            Report($"NT_FILE page size is [{pageSize}], not a power of two; the file offsets of its mappings are unknown");
        var entries = new List<FileNoteEntry>((int)count);
        var names = desc[(2 * word + (int)count * 3 * word)..];
        for (var index = 0; index < (int)count; index++)
        {
            var at = (2 * word) + (index * 3 * word);
            if (index % ReadCheckpoints.EntriesPerCheck == 0)
                checkpoint.Check(null);
            if (names.IsEmpty)
            {
                Report($"NT_FILE names end after [{index}] of [{count}] entries; the other [{(int)count - index}] entries are not read");
                break;
            }
            var end = names.IndexOf((byte)0);
            if (end < 0)
                Report($"NT_FILE name [{index}] has no terminating NUL; the [{(int)count - index - 1}] entries after it have no names and are not read");
            var name = LittleEndian.PathText(end < 0 ? names : names[..end]);
            names = end < 0 ? [] : names[(end + 1)..];
            var start = LittleEndian.Word(desc, at, is64);
            var stop = LittleEndian.Word(desc, at + word, is64);
            var pages = LittleEndian.Word(desc, at + (2 * word), is64);
            // The offset is in pages of pageSize; saturate rather than wrap on a lying page size.
            ulong? offset = !pageSizeUsable ? null : pages > ulong.MaxValue / pageSize ? ulong.MaxValue : pages * pageSize;
            entries.Add(new FileNoteEntry(start, stop, offset, name));
            if (end < 0)
                break;
        }
        if (names.IndexOfAnyExcept((byte)0) >= 0 && entries.Count == (int)count)
            Report($"NT_FILE has names after its [{count}] entries: its count is too small");
        return new FileNote(pageSize, entries);
    }
}

namespace Forensics.Elf;

public sealed partial class ElfCoreFile
{
    /// <summary>Note bytes are read in chunks of this size, so a size the source cannot back costs no allocation.</summary>
    private const int NoteChunkBytes = 1 << 20;

    private void ReadNotes()
    {
        // One allowance for all note segments, no more than the file holds: real note segments do not overlap, and
        // many PT_NOTE headers over the same bytes must not read them again and again.
        var allowance = Math.Min((ulong)Limits.MaxNoteSegmentBytes, FileLength ?? ulong.MaxValue);
        foreach (var segment in _programHeaders)
        {
            if (!segment.IsNote || segment.FileSize == 0)
                continue;
            _checkpoint.Check(segment.HeaderOffset);
            var size = segment.FileSize;
            if (allowance == 0)
            {
                Report(ElfProblem.NoteSegmentTooLarge,
                    $"note segment [{segment.Index}] and the ones after it are not read: the notes read so far already hold as many bytes as the file (at most [{Limits.MaxNoteSegmentBytes}])", segment.HeaderOffset);
                return;
            }
            if (size > allowance)
            {
                Report(ElfProblem.NoteSegmentTooLarge,
                    $"note segment [{segment.Index}] has [{size}] bytes, above the [{allowance}] bytes left for notes (the file's length, at most [{Limits.MaxNoteSegmentBytes}]); only the first are read", segment.HeaderOffset);
                size = allowance;
            }
            if (FileLength is { } length)
            {
                var available = segment.Offset >= length ? 0 : length - segment.Offset;
                if (available < size)
                {
                    Report(ElfProblem.NoteSegmentTruncated,
                        $"note segment [{segment.Index}] at [0x{segment.Offset:x}] has [{available}] of its [{segment.FileSize}] bytes in the file", segment.HeaderOffset);
                    size = available;
                }
            }
            if (size == 0)
                continue;
            var bytes = ReadUpTo(segment.Offset, (int)size);
            allowance -= (ulong)bytes.Length;
            if ((ulong)bytes.Length < size)
            {
                Report(ElfProblem.NoteSegmentTruncated,
                    $"note segment [{segment.Index}] at [0x{segment.Offset:x}]: [{bytes.Length}] of [{size}] bytes could be read", segment.HeaderOffset);
            }
            NoteWalker.Walk(bytes, segment.Offset, 4, Limits.MaxNotes, _notes, _sink, _checkpoint);
        }
    }

    /// <summary>Up to <paramref name="size"/> bytes from <paramref name="offset"/>, fewer when the source ends first.</summary>
    private byte[] ReadUpTo(ulong offset, int size)
    {
        var bytes = new byte[Math.Min(size, NoteChunkBytes)];
        var length = 0;
        while (length < size)
        {
            if (length == bytes.Length)
                Array.Resize(ref bytes, (int)Math.Min((long)bytes.Length * 2, size));
            var read = Source.Read(offset + (ulong)length, bytes.AsSpan(length));
            if (read == 0)
                break;
            length += read;
            _checkpoint.Check(offset + (ulong)length);
        }
        return length == bytes.Length ? bytes : bytes[..length];
    }
}

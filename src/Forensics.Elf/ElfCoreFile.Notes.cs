namespace Forensics.Elf;

public sealed partial class ElfCoreFile
{
    private void ReadNotes()
    {
        foreach (var segment in _programHeaders)
        {
            if (!segment.IsNote || segment.FileSize == 0)
                continue;
            var size = segment.FileSize;
            if (size > (ulong)Limits.MaxNoteSegmentBytes)
            {
                Add(ElfDiagnosticSeverity.Error, ElfDiagnosticIds.NoteSegmentTooLarge,
                    $"note segment [{segment.Index}] has [{size}] bytes, above the limit [{Limits.MaxNoteSegmentBytes}]; only the first are read", segment.HeaderOffset);
                size = (ulong)Limits.MaxNoteSegmentBytes;
            }
            if (FileLength is { } length)
            {
                var available = segment.Offset >= length ? 0 : length - segment.Offset;
                if (available < size)
                {
                    Add(ElfDiagnosticSeverity.Error, ElfDiagnosticIds.NoteSegmentTruncated,
                        $"note segment [{segment.Index}] at [0x{segment.Offset:x}] has [{available}] of its [{segment.FileSize}] bytes in the file", segment.HeaderOffset);
                    size = available;
                }
            }
            if (size == 0)
                continue;
            // size is now bounded by the file length (or the limit when the length is not known).
            var bytes = new byte[size];
            var read = Source.Read(segment.Offset, bytes);
            if ((ulong)read < size)
            {
                Add(ElfDiagnosticSeverity.Error, ElfDiagnosticIds.NoteSegmentTruncated,
                    $"note segment [{segment.Index}] at [0x{segment.Offset:x}]: [{read}] of [{size}] bytes could be read", segment.HeaderOffset);
            }
            NoteWalker.Walk(bytes.AsMemory(0, read), segment.Offset, 4, Limits.MaxNotes, _notes, _diagnostics);
        }
    }
}

namespace Forensics.Elf;

/// <summary>Walks the note records of a note segment or section (namesz, descsz, type, name, desc; 4- or 8-byte padding).</summary>
internal static class NoteWalker
{
    /// <summary>
    /// Adds every complete note in <paramref name="bytes"/> to <paramref name="notes"/>. <paramref name="baseOffset"/>
    /// is the file (or memory) offset of the first byte, used for locations. Stops at the first note that runs
    /// past the end, with a diagnostic.
    /// </summary>
    public static void Walk(ReadOnlyMemory<byte> bytes, ulong baseOffset, int align, int maxNotes, List<ElfNote> notes, IElfDiagnosticSink? sink, IReadCheckpoint checkpoint)
    {
        var span = bytes.Span;
        ulong length = (ulong)span.Length;
        ulong position = 0;
        while (length - position >= 12)
        {
            var at = (int)position;
            if (notes.Count % ReadCheckpoints.EntriesPerCheck == 0)
                checkpoint.Check(baseOffset + position);
            ulong nameSize = LittleEndian.U32(span, at), descSize = LittleEndian.U32(span, at + 4);
            var type = LittleEndian.U32(span, at + 8);
            var nameStart = position + 12;
            var descStart = AlignUp(nameStart + nameSize, align);
            var descEnd = descStart + descSize;
            if (descStart > length || descEnd > length)
            {
                sink?.Report(ElfProblem.NoteRunsPastSegment, baseOffset + position,
                    $"note at [0x{baseOffset + position:x}] (namesz [{nameSize}], descsz [{descSize}]) runs past the end of its segment [0x{baseOffset + length:x}]");
                return;
            }
            if (notes.Count >= maxNotes)
            {
                sink?.Report(ElfProblem.TooManyNotes, baseOffset + position, $"more than [{maxNotes}] notes; the rest are ignored");
                return;
            }
            var owner = LittleEndian.CString(span.Slice((int)nameStart, (int)nameSize));
            notes.Add(new ElfNote(owner, type, bytes.Slice((int)descStart, (int)descSize), baseOffset + position)
            {
                DescriptorOffset = baseOffset + descStart,
                NamePadding = LittleEndian.CString(span[(int)(nameStart + nameSize)..(int)descStart]),
            });
            position = AlignUp(descEnd, align);
            if (position > length)
                return;
        }
        if (position < length && sink is not null && span[(int)position..].IndexOfAnyExcept((byte)0) >= 0)
        {
            sink.Report(ElfProblem.NoteTrailingBytes, baseOffset + position,
                $"[{length - position}] bytes after the last note are too short for a note header");
        }
    }

    private static ulong AlignUp(ulong value, int align) => (value + (ulong)align - 1) & ~((ulong)align - 1);
}

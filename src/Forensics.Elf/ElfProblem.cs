namespace Forensics.Elf;

/// <summary>
/// What the ELF reader found wrong. The reader knows no ids or severities: the importer maps each problem to a
/// diagnostic of its catalogue.
/// </summary>
public enum ElfProblem
{
    /// <summary>No ELF magic at the start.</summary>
    NotElf,
    /// <summary>EI_CLASS is neither ELFCLASS32 nor ELFCLASS64.</summary>
    UnsupportedClass,
    /// <summary>EI_DATA is not little-endian.</summary>
    UnsupportedByteOrder,
    /// <summary>The identification or header is shorter than its class requires.</summary>
    TruncatedHeader,
    /// <summary>e_phentsize is not the size of a program header of the class.</summary>
    BadProgramHeaderSize,
    /// <summary>PN_XNUM is set but section header 0 does not give the count.</summary>
    BadExtendedNumbering,
    /// <summary>More program headers than <see cref="CoreLimits.MaxProgramHeaders"/>.</summary>
    TooManyProgramHeaders,
    /// <summary>The program header table extends past the end of the file.</summary>
    ProgramHeadersPastEnd,
    /// <summary>A segment's p_filesz is above its p_memsz.</summary>
    FileSizeAboveMemorySize,
    /// <summary>A segment's data extends past the end of the file.</summary>
    SegmentPastEnd,
    /// <summary>A segment wraps past the top of the address space.</summary>
    SegmentAddressOverflow,
    /// <summary>A PT_LOAD segment overlaps the one before it.</summary>
    OverlappingSegments,
    /// <summary>Note segments hold more bytes than the file or <see cref="CoreLimits.MaxNoteSegmentBytes"/> allows.</summary>
    NoteSegmentTooLarge,
    /// <summary>A note segment extends past the end of the file.</summary>
    NoteSegmentTruncated,
    /// <summary>A note runs past the end of its segment.</summary>
    NoteRunsPastSegment,
    /// <summary>More notes than the limit; the rest are ignored.</summary>
    TooManyNotes,
    /// <summary>Bytes after the last note too short for a note header.</summary>
    NoteTrailingBytes,
    /// <summary>A forward-only stream was asked for an offset it has already passed.</summary>
    StreamOutOfOrder,
    /// <summary>Keeping a range of a stream would exceed <see cref="CoreLimits.MaxRetainedBytes"/>.</summary>
    RetainedBytesLimit,
    /// <summary>Reading a forward-only stream failed.</summary>
    StreamReadFailed,
    /// <summary>An NT_FILE note is malformed: a count, page size or names that do not add up.</summary>
    FileNoteMalformed,
}

using Forensics.Elf;
using Forensics.Model;

namespace Forensics.Importers.Core;

/// <summary>The catalogue's diagnostic for each problem the ELF reader reports.</summary>
public static class ElfProblemDescriptors
{
    public static DiagnosticDescriptor Of(ElfProblem problem) => problem switch
    {
        ElfProblem.NotElf => DiagnosticCatalogue.NotElf,
        ElfProblem.UnsupportedClass => DiagnosticCatalogue.UnsupportedClass,
        ElfProblem.UnsupportedByteOrder => DiagnosticCatalogue.UnsupportedByteOrder,
        ElfProblem.TruncatedHeader => DiagnosticCatalogue.TruncatedHeader,
        ElfProblem.BadProgramHeaderSize => DiagnosticCatalogue.BadProgramHeaderSize,
        ElfProblem.BadExtendedNumbering => DiagnosticCatalogue.BadExtendedNumbering,
        ElfProblem.TooManyProgramHeaders => DiagnosticCatalogue.TooManyProgramHeaders,
        ElfProblem.ProgramHeadersPastEnd => DiagnosticCatalogue.ProgramHeadersPastEnd,
        ElfProblem.FileSizeAboveMemorySize => DiagnosticCatalogue.FileSizeAboveMemorySize,
        ElfProblem.SegmentPastEnd => DiagnosticCatalogue.SegmentPastEnd,
        ElfProblem.SegmentAddressOverflow => DiagnosticCatalogue.SegmentAddressOverflow,
        ElfProblem.OverlappingSegments => DiagnosticCatalogue.OverlappingSegments,
        ElfProblem.NoteSegmentTooLarge => DiagnosticCatalogue.NoteSegmentTooLarge,
        ElfProblem.NoteSegmentTruncated => DiagnosticCatalogue.NoteSegmentTruncated,
        ElfProblem.NoteRunsPastSegment => DiagnosticCatalogue.NoteRunsPastSegment,
        ElfProblem.TooManyNotes => DiagnosticCatalogue.TooManyNotes,
        ElfProblem.NoteTrailingBytes => DiagnosticCatalogue.NoteTrailingBytes,
        ElfProblem.StreamOutOfOrder => DiagnosticCatalogue.StreamOutOfOrder,
        ElfProblem.RetainedBytesLimit => DiagnosticCatalogue.RetainedBytesLimit,
        ElfProblem.StreamReadFailed => DiagnosticCatalogue.StreamReadFailed,
        ElfProblem.FileNoteMalformed => DiagnosticCatalogue.FileNoteProblem,
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "An ELF problem with no diagnostic in the catalogue."),
    };

    /// <summary>The reader's problem as a model diagnostic, at its descriptor's default severity.</summary>
    public static Diagnostic ToDiagnostic(ElfDiagnostic diagnostic) =>
        new(Of(diagnostic.Problem), diagnostic.Message,
            diagnostic.Offset is { } offset ? SourceLocation.AtOffset(offset) : SourceLocation.None);
}

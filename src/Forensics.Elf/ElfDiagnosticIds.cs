namespace Forensics.Elf;

/// <summary>Diagnostic ids of the ELF reader (FX3xxx).</summary>
public static class ElfDiagnosticIds
{
    public const string NotElf = "FX3001";
    public const string UnsupportedClass = "FX3002";
    public const string UnsupportedByteOrder = "FX3003";
    public const string TruncatedHeader = "FX3004";
    public const string BadProgramHeaderSize = "FX3005";
    public const string BadExtendedNumbering = "FX3006";
    public const string TooManyProgramHeaders = "FX3007";
    public const string ProgramHeadersPastEnd = "FX3008";
    public const string FileSizeAboveMemorySize = "FX3009";
    public const string SegmentPastEnd = "FX3010";
    public const string SegmentAddressOverflow = "FX3011";
    public const string OverlappingSegments = "FX3012";
    public const string NoteSegmentTooLarge = "FX3013";
    public const string NoteSegmentTruncated = "FX3014";
    public const string NoteRunsPastSegment = "FX3015";
    public const string TooManyNotes = "FX3016";
    public const string NoteTrailingBytes = "FX3017";
    public const string TooManySegments = "FX3018";
    public const string StreamOutOfOrder = "FX3019";
    public const string RetainedBytesLimit = "FX3020";
    public const string StreamReadFailed = "FX3021";
}

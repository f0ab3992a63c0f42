namespace Forensics.Importers.Detection;

/// <summary>Diagnostic ids of input detection, decompression, documents and the import pipeline (FX2xxx).</summary>
public static class DetectionDiagnosticIds
{
    /// <summary>The input holds no bytes.</summary>
    public const string EmptyInput = "FX2001";
    /// <summary>The input could not be read or listed: an I/O error (a refused permission is <see cref="PermissionDenied"/>).</summary>
    public const string UnreadableInput = "FX2002";
    /// <summary>A compressed stream is corrupt; what was decompressed before the damage is kept.</summary>
    public const string CorruptCompressedStream = "FX2003";
    /// <summary>Binary data that is neither an ELF file nor text.</summary>
    public const string NotACapture = "FX2004";
    /// <summary>Text in which no maps, smaps, pmap or gdb listing was found.</summary>
    public const string NoCaptureInText = "FX2005";
    /// <summary>Text larger than <c>ImportOptions.MaxTextBytes</c>; the rest is not read.</summary>
    public const string TextTooLarge = "FX2006";
    /// <summary>Text that is not valid UTF-8; the invalid sequences were replaced.</summary>
    public const string InvalidUtf8 = "FX2007";
    /// <summary>A symbolic link whose target does not exist.</summary>
    public const string BrokenSymbolicLink = "FX2008";
    /// <summary>A directory reached again through a symbolic link (a loop or a second path to it).</summary>
    public const string DirectoryLoop = "FX2009";
    /// <summary>The PID or command name was taken from the file name (a hint only).</summary>
    public const string FileNameHint = "FX2010";
    /// <summary>A shell prompt or heading gives another PID than the capture itself.</summary>
    public const string PidDisagreement = "FX2011";
    /// <summary>A path given to the importer does not exist.</summary>
    public const string PathNotFound = "FX2012";
    /// <summary>A path that is neither a regular file nor a directory (device, FIFO, socket).</summary>
    public const string NotARegularFile = "FX2013";
    /// <summary>A capture that holds nothing usable was dropped; its diagnostics are kept on the input.</summary>
    public const string UnusableCapture = "FX2014";
    /// <summary>Compressed inputs nested deeper than the importer follows.</summary>
    public const string NestedCompression = "FX2015";
    /// <summary>The system refused to open the input or list the directory.</summary>
    public const string PermissionDenied = "FX2016";
    /// <summary>The file's size or modification time changed between hashing it and parsing it.</summary>
    public const string ChangedWhileReading = "FX2017";
    /// <summary>Importing the file took longer than <c>ImportOptions.FileTimeLimit</c>.</summary>
    public const string TimeLimit = "FX2018";
    /// <summary>Importing the file allocated more than <c>ImportOptions.FileAllocationLimit</c>.</summary>
    public const string MemoryLimit = "FX2019";
    /// <summary>Text in UTF-16 or UTF-32 (with a byte order mark or recognised by its zero bytes), read in that encoding.</summary>
    public const string WideText = "FX2020";
    /// <summary>An importer threw: a bug, never bad input alone; the batch reports it as that input's failure.</summary>
    public const string ImporterFault = "FX2099";

    /// <summary>A symbolic link whose target lies outside the paths given; not followed.</summary>
    public const string LinkOutsideRoots = "FX2021";
}

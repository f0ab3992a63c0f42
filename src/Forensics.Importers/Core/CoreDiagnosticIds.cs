namespace Forensics.Importers.Core;

/// <summary>Diagnostic ids of the core importer (FX4xxx); the ELF reader's own are FX3xxx.</summary>
public static class CoreDiagnosticIds
{
    public const string NotCore = "FX4001";
    public const string UnsupportedMachine = "FX4002";
    /// <summary>A core of another system (BSD notes, a foreign EI_OSABI): an error, as nothing is concluded from it.</summary>
    public const string NonLinux = "FX4004";
    public const string KernelDump = "FX4005";
    public const string ShortNote = "FX4006";
    public const string FileNoteProblem = "FX4007";
    /// <summary>An NT_FILE entry overlaps another; mappings never do.</summary>
    public const string FileEntriesOverlap = "FX4008";
    public const string FileEntryInvalid = "FX4009";
    public const string NoThreads = "FX4010";
    public const string DuplicateNote = "FX4011";
    public const string Truncated = "FX4012";
}

namespace Forensics.Importers.Clr;

/// <summary>Diagnostic ids of the .NET (ClrMD) annotation, range FX7xxx.</summary>
public static class ClrDiagnosticIds
{
    /// <summary>ClrMD could not open the dump at all (not an ELF core it can read, truncated headers).</summary>
    public const string DumpUnreadable = "FX7001";
    /// <summary>ClrMD found no .NET runtime in the dump.</summary>
    public const string RuntimeNotFound = "FX7002";
    /// <summary>No data-access library (DAC) for the dump's runtime was found on this machine.</summary>
    public const string DacNotFound = "FX7003";
    /// <summary>The DAC used is of a different runtime build than the dump's.</summary>
    public const string DacVersionMismatch = "FX7004";
    /// <summary>ClrMD could not build the runtime view: memory it needs is not in the dump.</summary>
    public const string RuntimeUnreadable = "FX7005";
    /// <summary>A compressed dump was larger than the in-memory limit for random access.</summary>
    public const string DumpTooLargeForMemory = "FX7006";
    /// <summary>The dump holds no GC heap (a triage or mini dump).</summary>
    public const string GcHeapMissing = "FX7007";
    /// <summary>Part of the runtime (heaps, threads, modules) could not be read; the rest was annotated.</summary>
    public const string RuntimePartlyUnreadable = "FX7008";
    /// <summary>An image in ClrMD's module list is not in ours.</summary>
    public const string ModuleMissingFromCapture = "FX7010";
    /// <summary>An image in our module list is not in ClrMD's.</summary>
    public const string ModuleMissingFromClrMD = "FX7011";
    /// <summary>ClrMD and our module list disagree on an image's size.</summary>
    public const string ModuleSizeMismatch = "FX7012";
    /// <summary>ClrMD and our module list disagree on an image's build-id.</summary>
    public const string ModuleBuildIdMismatch = "FX7013";
    /// <summary>ClrMD and our module list disagree on an image's path.</summary>
    public const string ModulePathMismatch = "FX7014";
}

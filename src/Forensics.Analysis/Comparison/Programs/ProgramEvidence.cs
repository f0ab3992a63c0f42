namespace Forensics.Analysis.Comparison.Programs;

/// <summary>What put a capture into its program group, strongest first (docs/report-schema.md#programscsv).</summary>
public enum ProgramEvidence
{
    /// <summary>The main executable's build-id, which another capture of the group shares.</summary>
    BuildId,

    /// <summary>The main executable's full path (another build of it is a version of the same program).</summary>
    Path,

    /// <summary>The process name, or a main executable known only by its basename (default pmap).</summary>
    ProcessName,

    /// <summary>A listing that names no program: the images it maps other than shared libraries.</summary>
    Modules,

    /// <summary>Nothing names a program: no main executable, no process name, no module.</summary>
    None,
}

/// <summary>The report names of <see cref="ProgramEvidence"/>.</summary>
public static class ProgramEvidenceIds
{
    public static string ToId(this ProgramEvidence evidence) => evidence switch
    {
        ProgramEvidence.BuildId => "build-id",
        ProgramEvidence.Path => "path",
        ProgramEvidence.ProcessName => "process-name",
        ProgramEvidence.Modules => "modules",
        _ => "none",
    };
}

namespace Forensics.Importers.Normalisation;

/// <summary>Stable diagnostic ids of normalisation and merging (the FX5xxx range).</summary>
public static class NormalisationDiagnosticIds
{
    /// <summary>A region starts below the region listed before it in the source.</summary>
    public const string OutOfOrder = "FX5001";
    /// <summary>A region starts before the previous region (in address order) ends.</summary>
    public const string Overlap = "FX5002";
    /// <summary>More diagnostics of one id than are listed one by one.</summary>
    public const string MoreOmitted = "FX5003";
    /// <summary>The layout contradicts the architecture the importer set.</summary>
    public const string ArchitectureContradiction = "FX5010";
    /// <summary>Merged sources: a range only one side has.</summary>
    public const string MergeRangeMissing = "FX5020";
    /// <summary>Merged sources: ranges that overlap with different bounds.</summary>
    public const string MergeRangeBounds = "FX5021";
    /// <summary>Merged sources: different permissions for one range.</summary>
    public const string MergePermissions = "FX5022";
    /// <summary>Merged sources: different names for one range.</summary>
    public const string MergeName = "FX5023";
    /// <summary>Merged sources: different file offsets for one range.</summary>
    public const string MergeOffset = "FX5024";
    /// <summary>Merged sources: different device or inode for one range.</summary>
    public const string MergeFileIdentity = "FX5025";
    /// <summary>A diagnostic of an input merged into another capture, carried over.</summary>
    public const string MergedInputDiagnostic = "FX5026";
}

namespace Forensics.Importers.Containers.Minidump;

/// <summary>Diagnostic ids of minidumps (FX61xx).</summary>
public static class MinidumpDiagnosticIds
{
    /// <summary>The header is cut short or its version is not 0xa793.</summary>
    public const string BadHeader = "FX6101";
    /// <summary>The stream directory lies outside the file or holds more streams than <see cref="MinidumpLimits.MaxStreams"/>.</summary>
    public const string BadDirectory = "FX6102";
    /// <summary>A stream, or a record it points at, extends past the end of the file.</summary>
    public const string PastEnd = "FX6103";
    /// <summary>A stream's record count does not fit its size, or exceeds its limit.</summary>
    public const string BadCount = "FX6104";
    /// <summary>A thread or exception context of an unexpected size.</summary>
    public const string BadContext = "FX6105";
    /// <summary>A CPU other than x86 and x86_64: threads keep their ids but no registers.</summary>
    public const string UnsupportedCpu = "FX6106";
    /// <summary>A stream type given twice; the first is read.</summary>
    public const string DuplicateStream = "FX6107";
    /// <summary>The same module listed twice, merged into one.</summary>
    public const string DuplicateModule = "FX6108";
    /// <summary>A compressed minidump larger than <see cref="MinidumpLimits.MaxBufferedBytes"/>: only its start is read.</summary>
    public const string TooLarge = "FX6109";
    /// <summary>A module of the module list whose base starts no mapping of the maps stream.</summary>
    public const string ModuleOutsideMaps = "FX6110";
}

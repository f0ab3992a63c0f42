namespace Forensics.Importers.Containers.Apport;

/// <summary>Diagnostic ids of apport reports (FX60xx).</summary>
public static class ApportDiagnosticIds
{
    /// <summary>A line that is neither a <c>Key: value</c> field nor a continuation line.</summary>
    public const string NotAField = "FX6001";
    /// <summary>A field longer than <see cref="ApportLimits.MaxFieldBytes"/>; the rest of it is not kept.</summary>
    public const string FieldTooLong = "FX6002";
    /// <summary><c>ProcMaps</c> holds no maps (apport writes the error it met instead).</summary>
    public const string NoMaps = "FX6003";
    /// <summary>The base64 of <c>CoreDump</c> does not decode; the core ends there.</summary>
    public const string BadBase64 = "FX6004";
    /// <summary><c>CoreDump</c> is neither gzip, zlib, zstd nor ELF.</summary>
    public const string UnknownCoreEncoding = "FX6005";
    /// <summary>The core decompresses past <see cref="ApportLimits.MaxCoreBytes"/>; the rest is not read.</summary>
    public const string CoreTooLarge = "FX6006";
    /// <summary>A field disagrees with the core (PID, signal).</summary>
    public const string CoreDisagrees = "FX6007";
    /// <summary>A field that should hold a number does not.</summary>
    public const string BadNumber = "FX6008";
}

namespace Forensics.Importers.Containers.Apport;

/// <summary>Bounds on what an apport report may make the importer keep or read.</summary>
public sealed record ApportLimits
{
    public static ApportLimits Default { get; } = new();

    /// <summary>Bytes kept of one text field (ProcMaps of a large process is a few MiB).</summary>
    public int MaxFieldBytes { get; init; } = 64 << 20;

    /// <summary>Bytes kept of one line of a text field.</summary>
    public int MaxLineBytes { get; init; } = 1 << 20;

    /// <summary>Decompressed bytes of <c>CoreDump</c> read; a zip bomb stops here, not at the end of the disk.</summary>
    public long MaxCoreBytes { get; init; } = 64L << 30;
}

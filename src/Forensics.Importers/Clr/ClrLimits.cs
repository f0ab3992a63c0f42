namespace Forensics.Importers.Clr;

/// <summary>Caps of the .NET annotation.</summary>
public static class ClrLimits
{
    /// <summary>
    /// ClrMD reads a dump at random offsets, so a dump that arrives as a forward-only (decompressing) stream is
    /// copied into memory first, up to this many bytes (1 GiB).
    /// </summary>
    public const long MaxInMemoryDumpBytes = 1L << 30;
}

namespace Forensics.Importers.Containers.Minidump;

/// <summary>Caps on every count and size a minidump declares, checked before anything is allocated.</summary>
public sealed record MinidumpLimits
{
    public static MinidumpLimits Default { get; } = new();

    public int MaxStreams { get; init; } = 4096;
    public int MaxThreads { get; init; } = 1 << 16;
    public int MaxModules { get; init; } = 1 << 14;
    public int MaxMemoryRanges { get; init; } = 1 << 20;
    /// <summary>Bytes of a module name or other MINIDUMP_STRING.</summary>
    public int MaxStringBytes { get; init; } = 64 << 10;
    /// <summary>Bytes of a Linux text stream (maps, status, cmdline, environ, auxv).</summary>
    public int MaxTextStreamBytes { get; init; } = 64 << 20;
    /// <summary>A minidump read through decompression is held in memory up to this many bytes (it is read out of order).</summary>
    public long MaxBufferedBytes { get; init; } = 1L << 30;
}

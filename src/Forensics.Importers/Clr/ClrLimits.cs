namespace Forensics.Importers.Clr;

/// <summary>Caps of the .NET annotation.</summary>
public static class ClrLimits
{
    /// <summary>
    /// ClrMD reads a dump at random offsets, so a dump that arrives as a forward-only (decompressing) stream is
    /// copied into memory first, up to this many bytes (1 GiB).
    /// </summary>
    public const long MaxInMemoryDumpBytes = 1L << 30;

    /// <summary>
    /// How many frames of a thread with an exception in flight are walked (ClrMD itself stops at 8096): enough to see
    /// a recursion and the frames around it, while a stack that overflowed holds hundreds of thousands.
    /// </summary>
    public const int MaxManagedFrames = 1024;
}

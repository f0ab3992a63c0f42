namespace Forensics.Importers.Import;

/// <summary>Limits and switches of <c>CaptureImporter</c>.</summary>
public sealed record ImportOptions
{
    /// <summary>Text inputs (after decompression) are read up to this many bytes; the rest is reported, not read.</summary>
    public long MaxTextBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Follow symbolic links to directories while recursing (loops are detected and reported).</summary>
    public bool FollowDirectoryLinks { get; init; } = true;

    /// <summary>Merge captures that show the same process instance (a core and its maps, pmap and gdb of one PID).</summary>
    public bool MergeInstances { get; init; } = true;

    /// <summary>Directory depth below a root beyond which the importer does not descend.</summary>
    public int MaxDepth { get; init; } = 64;
}

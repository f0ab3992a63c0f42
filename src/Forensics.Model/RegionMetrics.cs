namespace Forensics.Model;

/// <summary>Memory accounting of a region in bytes, where the source gives it (smaps, pmap -x/-X, smaps_rollup).</summary>
public sealed record RegionMetrics
{
    public ulong? Rss { get; init; }
    public ulong? Pss { get; init; }
    public ulong? SharedClean { get; init; }
    public ulong? SharedDirty { get; init; }
    public ulong? PrivateClean { get; init; }
    public ulong? PrivateDirty { get; init; }
    /// <summary>Dirty bytes: smaps Shared_Dirty + Private_Dirty, or the Dirty column of pmap -x.</summary>
    public ulong? Dirty { get; init; }
    public ulong? Anonymous { get; init; }
    public ulong? Swap { get; init; }
    public ulong? Locked { get; init; }

    /// <summary>Other smaps keys by name (value in bytes for kB keys, raw otherwise), in source order.</summary>
    public IReadOnlyList<KeyValuePair<string, ulong>> Other { get; init; } = [];
}

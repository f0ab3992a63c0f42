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

    /// <summary>
    /// The smaps_rollup keys the reports carry as a capture's totals, by their kernel names (fs/proc/task_mmu.c,
    /// show_smaps_rollup), in the kernel's order.
    /// </summary>
    public static IReadOnlyList<string> TotalKeys { get; } =
    [
        "Rss", "Pss", "Pss_Anon", "Pss_File", "Pss_Shmem", "Shared_Clean", "Shared_Dirty", "Private_Clean", "Private_Dirty",
        "Referenced", "Anonymous", "LazyFree", "AnonHugePages", "Swap", "SwapPss", "Locked",
    ];

    /// <summary>The value of a smaps key by its kernel name (<c>Rss</c>, <c>Pss_Anon</c>); null when the source did not give it.</summary>
    public ulong? ByKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        switch (key)
        {
            case "Rss": return Rss;
            case "Pss": return Pss;
            case "Shared_Clean": return SharedClean;
            case "Shared_Dirty": return SharedDirty;
            case "Private_Clean": return PrivateClean;
            case "Private_Dirty": return PrivateDirty;
            case "Anonymous": return Anonymous;
            case "Swap": return Swap;
            case "Locked": return Locked;
        }
        foreach (var (name, value) in Other)
        {
            if (name == key)
                return value;
        }
        return null;
    }
}

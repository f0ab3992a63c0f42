namespace Forensics.Model;

/// <summary>Every source that contributed to a region.</summary>
[Flags]
public enum RegionSources
{
    None = 0,
    Maps = 1 << 0,
    Smaps = 1 << 1,
    Pmap = 1 << 2,
    Gdb = 1 << 3,
    /// <summary>A PT_LOAD program header of a core.</summary>
    CoreLoad = 1 << 4,
    /// <summary>An NT_FILE entry of a core.</summary>
    CoreFile = 1 << 5,
}

public static class RegionSourcesText
{
    private static readonly (RegionSources Flag, string Id)[] Ids =
    [
        (RegionSources.CoreLoad, "core-load"), (RegionSources.CoreFile, "core-file"), (RegionSources.Maps, "maps"),
        (RegionSources.Smaps, "smaps"), (RegionSources.Pmap, "pmap"), (RegionSources.Gdb, "gdb"),
    ];

    /// <summary>Every combination's id, made once: a report prints one per region.</summary>
    private static readonly string[] Combinations =
        [.. Enumerable.Range(0, 1 << Ids.Length).Select(bits => Join((RegionSources)bits))];

    /// <summary>Ids joined with <c>+</c> in a fixed order: <c>core-load+core-file+maps</c>.</summary>
    public static string ToId(this RegionSources sources) =>
        (uint)sources < (uint)Combinations.Length ? Combinations[(int)sources] : Join(sources);

    private static string Join(RegionSources sources) =>
        string.Join('+', Ids.Where(i => sources.HasFlag(i.Flag)).Select(i => i.Id));
}

namespace Forensics.Analysis.Findings;

/// <summary>The stable rule ids of <see cref="Finding.Rule"/>.</summary>
public static class FindingRules
{
    public const string WritableExecutable = "wx-memory";
    public const string AnonymousExecutable = "anon-exec";
    public const string DeletedMapping = "deleted-mapping";
    public const string ExecutableSharedMemory = "exec-shm";
    public const string UnusualImagePath = "unusual-image-path";
    public const string ExecutableStack = "exec-stack";
    public const string NonPie = "non-pie";
    public const string NoAslr = "no-aslr";
    public const string MissingGuard = "missing-guard";
    public const string MapCount = "map-count";

    /// <summary>The kernel's default vm.max_map_count (include/linux/mm.h DEFAULT_MAX_MAP_COUNT).</summary>
    public const int DefaultMaxMapCount = 65530;

    /// <summary><see cref="MapCount"/> fires at this share of <see cref="DefaultMaxMapCount"/>: 58,977 mappings.</summary>
    public const int MapCountThreshold = DefaultMaxMapCount * 9 / 10;
}

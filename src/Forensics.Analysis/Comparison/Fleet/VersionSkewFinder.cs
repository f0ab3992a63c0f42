namespace Forensics.Analysis.Comparison.Fleet;

/// <summary>Finds module version skew: the same full path with different build-ids in different captures.</summary>
internal static class VersionSkewFinder
{
    /// <summary>Every skewed path, most captures first; its versions most captures first, then by build-id.</summary>
    public static IReadOnlyList<ModuleVersions> Find(IReadOnlyList<CaptureLayout> layouts)
    {
        var byPath = new Dictionary<string, Dictionary<string, SortedSet<string>>>(StringComparer.Ordinal);
        foreach (var layout in layouts)
        {
            foreach (var module in layout.Capture.Modules)
            {
                // The vdso's build-id is the kernel's: a different one is another kernel, not another library.
                if (module.PathIsBasename || module.Path.StartsWith('[') || module.BuildId is not { Length: > 0 } buildId)
                    continue;
                if (!byPath.TryGetValue(module.Path, out var versions))
                    byPath[module.Path] = versions = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
                if (!versions.TryGetValue(buildId, out var ids))
                    versions[buildId] = ids = new SortedSet<string>(StringComparer.Ordinal);
                ids.Add(layout.Id);
            }
        }
        return [.. byPath
            .Where(p => p.Value.Count > 1)
            .Select(p => new ModuleVersions(p.Key, [.. p.Value
                .OrderByDescending(v => v.Value.Count).ThenBy(v => v.Key, StringComparer.Ordinal)
                .Select(v => new ModuleVersion(v.Key, [.. v.Value]))]))
            .OrderByDescending(s => s.Captures).ThenBy(s => s.Path, StringComparer.Ordinal)];
    }
}

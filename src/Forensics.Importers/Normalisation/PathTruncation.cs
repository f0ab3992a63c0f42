using Forensics.Model;

namespace Forensics.Importers.Normalisation;

/// <summary>
/// Which paths a writer cut short (docs/region-model.md#modules): a path that ends in <c>/</c>; a path that names two
/// different files (two (device, inode) pairs, neither deleted), as a cut in the middle of a name leaves the same text for
/// several files; a path that another name of the same (device, inode) continues; a name its writer is known to have cut
/// (<see cref="Region.NameTruncated"/>). A cut that leaves a name of exactly one file and no whole copy cannot be seen.
/// </summary>
internal sealed class PathTruncation
{
    private readonly Dictionary<string, HashSet<(string?, ulong)>> _filesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<(string?, ulong), HashSet<string>> _namesByFile = [];
    private readonly HashSet<string> _cut = new(StringComparer.Ordinal);

    public PathTruncation(List<Region> regions)
    {
        foreach (var region in regions)
        {
            if (region is { NameTruncated: true, Name: { } cutName })
                _cut.Add(cutName);
            if (region.Name is not { } name || region.HasBracketName || region.Deleted || region.Inode is not (> 0 and var inode))
                continue;
            var file = (region.Device, inode);
            if (!_filesByName.TryGetValue(name, out var files))
                _filesByName[name] = files = [];
            files.Add(file);
            if (!_namesByFile.TryGetValue(file, out var names))
                _namesByFile[file] = names = new HashSet<string>(StringComparer.Ordinal);
            names.Add(name);
        }
    }

    public bool IsTruncated(string path)
    {
        if (path.EndsWith('/') || _cut.Contains(path))
            return true;
        if (!_filesByName.TryGetValue(path, out var files))
            return false;
        if (files.Count > 1)
            return true;
        foreach (var file in files)
        {
            foreach (var name in _namesByFile[file])
            {
                if (name.Length > path.Length && name.StartsWith(path, StringComparison.Ordinal))
                    return true;
            }
        }
        return false;
    }
}

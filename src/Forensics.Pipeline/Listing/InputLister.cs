using Forensics.Pipeline.Importing;

namespace Forensics.Pipeline.Listing;

/// <summary>The first step of a run: the inputs under the paths given, in path order.</summary>
public static class InputLister
{
    /// <summary>
    /// Lists the files under <paramref name="paths"/> (directories recursively) in path order, and the paths that cannot
    /// be read as inputs (broken links, loops, missing paths) as results already. Display paths are relative to the
    /// root given (prefixed with the root's name when several roots are given), with <c>/</c> separators.
    /// </summary>
    public static InputList List(IEnumerable<string> paths, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        var roots = paths.ToList();
        var walker = new InputWalker(options, roots);
        foreach (var root in roots)
            walker.AddRoot(root, prefixWithRootName: roots.Count > 1);
        return new InputList(
            [.. walker.Files.OrderBy(f => f.DisplayPath, StringComparer.Ordinal).Select(f => new InputFile(f.FullPath, f.DisplayPath))],
            [.. walker.Problems.OrderBy(p => p.Path, StringComparer.Ordinal).Select(p => new InputResult(p, []))]);
    }
}

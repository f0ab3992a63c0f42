using Forensics.Elf;
using Forensics.Model;

namespace Forensics.Symbols.ModuleFiles;

/// <summary>
/// Finds the file of a module, in the order a user expects: each <c>--symbols</c> folder as a sysroot
/// (<c>DIR/usr/lib/...</c>), as a flat folder (<c>DIR/libc.so.6</c>) and as a build-id tree
/// (<c>DIR/.build-id/xx/rest[.debug]</c>), then the module's own path on this machine. A file is taken only when its
/// build-id equals the one the core holds; any other file is reported and left alone, so no name comes from it.
/// </summary>
internal sealed class ModuleFileLocator(SymbolOptions options, DiagnosticBag diagnostics, IReadCheckpoint checkpoint)
{
    private readonly Dictionary<string, ModuleFile?> _opened = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    /// <summary>The file with code (and CFI, symbols) and a separate debug file, where found.</summary>
    public (ModuleFile? Code, ModuleFile? Debug) Locate(string name, string? path, string? buildId)
    {
        if (buildId is null)
            return (null, null);
        ModuleFile? code = null, debug = null;
        foreach (var candidate in Candidates(name, path, buildId))
        {
            if (code is not null && debug is not null)
                break;
            if (Open(candidate) is not { } file)
                continue;
            if (!string.Equals(file.BuildId, buildId, StringComparison.Ordinal))
            {
                if (_reported.Add(candidate + "\n" + buildId))
                {
                    diagnostics.Warning(DiagnosticCatalogue.SymbolFileBuildIdMismatch, SourceLocation.None,
                        $"[{candidate}] has build-id [{file.BuildId ?? "none"}], but [{name}] in the core has [{buildId}]: the file is not used");
                }
                continue;
            }
            if (file.HasCode)
                code ??= file;
            else
                debug ??= file;
        }
        return (code, debug);
    }

    private IEnumerable<string> Candidates(string name, string? path, string buildId)
    {
        var buildIdPath = buildId.Length > 2 ? Path.Combine(buildId[..2], buildId[2..]) : null;
        foreach (var directory in options.Directories)
        {
            if (path is not null && Path.IsPathRooted(path))
                yield return Path.Join(directory, path);
            yield return Path.Join(directory, name);
            if (path is not null && Path.GetFileName(path) != name)
                yield return Path.Join(directory, Path.GetFileName(path));
            if (buildIdPath is not null)
            {
                foreach (var tree in new[] { Path.Join(directory, ".build-id"), directory })
                {
                    yield return Path.Join(tree, buildIdPath);
                    yield return Path.Join(tree, buildIdPath + ".debug");
                }
            }
        }
        if (options.UseModulePaths && path is not null && Path.IsPathRooted(path))
            yield return path;
    }

    private ModuleFile? Open(string candidate)
    {
        var full = Path.GetFullPath(candidate);
        if (_opened.TryGetValue(full, out var known))
            return known;
        var file = File.Exists(full) ? ModuleFileReader.TryRead(full, options.MaxModuleFileBytes, checkpoint, out var problem) : null;
        if (file is null && File.Exists(full) && _reported.Add(full))
        {
            diagnostics.Warning(DiagnosticCatalogue.MalformedModuleFile, SourceLocation.None,
                $"[{candidate}] cannot be used as a module file");
        }
        _opened[full] = file;
        return file;
    }
}

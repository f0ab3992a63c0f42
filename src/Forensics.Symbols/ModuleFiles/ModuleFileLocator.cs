using Forensics.Elf;
using Forensics.Model;
using Forensics.Symbols.Debuginfod;

namespace Forensics.Symbols.ModuleFiles;

/// <summary>
/// Finds the file of a module, in the order a user expects: each <c>--symbols</c> folder as a sysroot
/// (<c>DIR/usr/lib/...</c>), as a flat folder (<c>DIR/libc.so.6</c>) and as a build-id tree
/// (<c>DIR/.build-id/xx/rest[.debug]</c>), then the module's own path on this machine. A file is taken only when its
/// build-id equals the one the core holds; any other file is reported and left alone, so no name comes from it.
/// Without a debug file so found, the one the code file's <c>.gnu_debuglink</c> names is looked for as gdb does
/// (beside the code file, in its <c>.debug/</c>, under <c>usr/lib/debug</c>) and taken only when its CRC-32 matches.
/// Last, when <see cref="SymbolOptions.Debuginfod"/> is set, debuginfod's cache and servers are asked by build-id.
/// Files are read through the run's <see cref="ModuleFileCache"/>; what is said about them is said to each core.
/// </summary>
internal sealed partial class ModuleFileLocator(SymbolOptions options, DiagnosticBag diagnostics, IReadCheckpoint checkpoint, ModuleFileCache files) : IDisposable
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
        if (code is not null)
            ReportProblems(code);
        if (debug is null && code?.DebugLink is { } link)
            debug = LinkedDebugFile(name, path, buildId, code, link);
        if (options.Debuginfod is not null)
        {
            code ??= Fetched(name, buildId, DebuginfodArtifact.Executable);
            if (debug is null && code?.Debug is null)
                debug = Fetched(name, buildId, DebuginfodArtifact.DebugInfo);
        }
        return (code, debug);
    }

    private void ReportProblems(ModuleFile file)
    {
        foreach (var problem in file.Problems)
        {
            if (_reported.Add(file.Path + "\n" + problem))
                diagnostics.Warning(DiagnosticCatalogue.MalformedModuleFile, SourceLocation.None, problem);
        }
    }

    private ModuleFile? LinkedDebugFile(string name, string? path, string buildId, ModuleFile code, DebugLink link)
    {
        foreach (var candidate in LinkCandidates(path, code.Path, link.FileName).Distinct(StringComparer.Ordinal))
        {
            var full = Path.GetFullPath(candidate);
            if (full == code.Path || !File.Exists(full))
                continue;
            if (files.Crc(full, options.MaxModuleFileBytes, checkpoint) is not { } crc)
                continue;
            if (crc != link.Crc)
            {
                if (_reported.Add(full + "\ncrc"))
                {
                    diagnostics.Warning(DiagnosticCatalogue.DebugLinkCrcMismatch, SourceLocation.None,
                        $"[{candidate}] has CRC-32 [0x{crc:x8}], but the .gnu_debuglink of [{name}] names one with [0x{link.Crc:x8}]: the file is not used");
                }
                continue;
            }
            if (Open(candidate) is not { } file)
                continue;
            if (file.BuildId is { } other && !string.Equals(other, buildId, StringComparison.Ordinal))
            {
                if (_reported.Add(candidate + "\n" + buildId))
                {
                    diagnostics.Warning(DiagnosticCatalogue.SymbolFileBuildIdMismatch, SourceLocation.None,
                        $"[{candidate}] has build-id [{other}], but [{name}] in the core has [{buildId}]: the file is not used");
                }
                continue;
            }
            return file;
        }
        return null;
    }

    /// <summary>gdb's order (<c>find_separate_debug_file_by_debuglink</c>): the code file's folder, its <c>.debug/</c>, then the debug roots.</summary>
    private IEnumerable<string> LinkCandidates(string? path, string codePath, string fileName)
    {
        var codeFolder = Path.GetDirectoryName(codePath);
        if (codeFolder is not null)
        {
            yield return Path.Join(codeFolder, fileName);
            yield return Path.Join(codeFolder, ".debug", fileName);
        }
        var moduleFolder = path is not null && Path.IsPathRooted(path) ? Path.GetDirectoryName(path) : null;
        foreach (var directory in options.Directories)
        {
            if (moduleFolder is not null)
            {
                yield return Path.Join(directory, moduleFolder, fileName);
                yield return Path.Join(directory, moduleFolder, ".debug", fileName);
                yield return Path.Join(directory, "usr", "lib", "debug", moduleFolder, fileName);
            }
            yield return Path.Join(directory, fileName);
        }
        if (options.UseModulePaths && moduleFolder is not null)
        {
            yield return Path.Join(moduleFolder, fileName);
            yield return Path.Join(moduleFolder, ".debug", fileName);
        }
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
        var file = files.Open(full, options.MaxModuleFileBytes, checkpoint);
        if (file is null && File.Exists(full) && _reported.Add(full))
        {
            diagnostics.Warning(DiagnosticCatalogue.MalformedModuleFile, SourceLocation.None,
                $"[{candidate}] cannot be used as a module file");
        }
        _opened[full] = file;
        return file;
    }
}

using Forensics.Model;
using Forensics.Symbols.Debuginfod;

namespace Forensics.Symbols.ModuleFiles;

internal sealed partial class ModuleFileLocator
{
    private DebuginfodClient? _debuginfod;

    /// <summary>
    /// The file debuginfod gives for <paramref name="buildId"/> (its cache, then its servers unless offline), checked
    /// again here like any other candidate; why there is none is an info diagnostic, once per module and kind.
    /// </summary>
    private ModuleFile? Fetched(string name, string buildId, DebuginfodArtifact artifact)
    {
        _debuginfod ??= new DebuginfodClient(options.Debuginfod!);
        // The walk is synchronous; the client's awaits do not need the caller's context (ConfigureAwait(false) inside).
        var result = _debuginfod.FetchAsync(buildId, artifact).GetAwaiter().GetResult();
        checkpoint.Check(null);
        if (result.Path is { } path && Open(path) is { } file && string.Equals(file.BuildId, buildId, StringComparison.Ordinal))
            return file;
        var kind = artifact == DebuginfodArtifact.Executable ? "executable" : "debuginfo";
        if (result.Path is null && _reported.Add(name + "\n" + buildId + "\n" + kind))
        {
            diagnostics.Info(DiagnosticCatalogue.DebuginfodGaveNoFile, SourceLocation.None,
                $"debuginfod has no {kind} for [{name}] (build-id [{buildId}]): {string.Join("; ", result.Problems)}");
        }
        return null;
    }

    public void Dispose() => _debuginfod?.Dispose();
}

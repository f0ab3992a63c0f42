using Forensics.Importers.Budget;
using Forensics.Symbols.Debuginfod;

namespace Forensics.Pipeline.Importing;

/// <summary>Limits and switches of a run: listing (<c>InputWalker</c>), importing (<c>InputImporter</c>) and merging (<c>BatchNormaliser</c>).</summary>
public sealed record ImportOptions
{
    /// <summary>Text inputs (after decompression) are read up to this many bytes; the rest is reported, not read.</summary>
    public long MaxTextBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Follow symbolic links to directories while recursing (loops are detected and reported).</summary>
    public bool FollowDirectoryLinks { get; init; } = true;

    /// <summary>Follow symbolic links whose target lies outside the directories given (off: such links are skipped).</summary>
    public bool FollowLinksOutsideRoots { get; init; }

    /// <summary>Merge captures that show the same process instance (a core and its maps, pmap and gdb of one PID).</summary>
    public bool MergeInstances { get; init; } = true;

    /// <summary>Directory depth below a root beyond which the importer does not descend.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>
    /// Compute each input's SHA-256 (beside the import, never on its time budget). Off for commands that keep nothing
    /// (<c>crash</c>, <c>show</c>, <c>compare</c>) and for <c>analyze --hash none</c>: the hashes are then empty.
    /// </summary>
    public bool HashContent { get; init; } = true;

    /// <summary>
    /// How much CPU time importing one file (decompressing, parsing, walking stacks) may take on its thread before it is
    /// stopped and reported; <see cref="Timeout.InfiniteTimeSpan"/> for no limit. CPU time, not wall-clock time, so a
    /// busy machine does not change what is reported. Checked every few thousand lines or table entries and
    /// every MiB streamed, so a file is stopped shortly after the limit, not at it.
    /// </summary>
    public TimeSpan FileTimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How many bytes the importing thread may allocate for one file (<see cref="GC.GetAllocatedBytesForCurrentThread"/>)
    /// before the file is stopped and reported: a bound on memory growth that holds however the importer is fooled.
    /// Checked where <see cref="FileTimeLimit"/> is.
    /// </summary>
    public long FileAllocationLimit { get; init; } = 2L << 30;

    /// <summary>
    /// Folders given with <c>--symbols</c>, searched in order for the files of a core's modules (a sysroot, a flat
    /// folder, a <c>.build-id</c> tree); a file is used only when its build-id matches.
    /// </summary>
    public IReadOnlyList<string> SymbolDirectories { get; init; } = [];

    /// <summary>The folders of <see cref="SymbolDirectories"/> as one text, so that the record's text (a cache key) holds them.</summary>
    public string SymbolSearch => string.Join(Path.PathSeparator, SymbolDirectories);

    /// <summary>Look for a module's file at its own path on this machine (used only when its build-id matches).</summary>
    public bool UseModulePaths { get; init; } = true;

    /// <summary>
    /// debuginfod, asked by build-id after every local place (<c>--debuginfod</c>, <c>--offline</c>); null, the
    /// default, never asks it, so the reports depend only on the inputs and local files.
    /// </summary>
    public DebuginfodOptions? Debuginfod { get; init; }

    /// <summary>The settings of <see cref="Debuginfod"/> as one text, so that the record's text (a cache key) holds the servers.</summary>
    public string DebuginfodSearch => Debuginfod is { } debuginfod
        ? $"{string.Join(' ', debuginfod.ServerUrls)} offline {debuginfod.Offline} cache {debuginfod.CacheDirectory}"
        : "off";

    /// <summary>The clock <see cref="FileTimeLimit"/> is measured with: the importing thread's CPU time.</summary>
    public TimeProvider Clock { get; init; } = ThreadCpuClock.Instance;
}

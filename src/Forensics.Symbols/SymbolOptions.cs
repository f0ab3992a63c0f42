using Forensics.Symbols.Debuginfod;

namespace Forensics.Symbols;

/// <summary>Where module files are looked for, and the bounds of stack walking.</summary>
public sealed record SymbolOptions
{
    public static SymbolOptions Default { get; } = new();

    /// <summary>
    /// Folders given with <c>--symbols</c>, in order: each may be a sysroot (<c>DIR/usr/lib/...</c>), a flat folder of
    /// binaries, or hold a <c>.build-id/xx/rest[.debug]</c> tree.
    /// </summary>
    public IReadOnlyList<string> Directories { get; init; } = [];

    /// <summary>Look at each module's own path on this machine (used only when its build-id matches).</summary>
    public bool UseModulePaths { get; init; } = true;

    /// <summary>Frames per thread; a deep recursion of 8 MiB of stack with small frames stays below it.</summary>
    public int MaxFrames { get; init; } = 100_000;

    /// <summary>Stack words a scan looks at for one frame.</summary>
    public int MaxScanWords { get; init; } = 2048;

    public long MaxModuleFileBytes { get; init; } = 1L << 30;

    /// <summary>
    /// debuginfod's cache and servers, asked by build-id after every local place; null (the default) never asks it,
    /// so what names a frame is only what the analyst's folders and this machine hold.
    /// </summary>
    public DebuginfodOptions? Debuginfod { get; init; }

    /// <summary>A text for cache keys: every setting, folders in order.</summary>
    public override string ToString() =>
        $"symbols [{string.Join("|", Directories)}] module-paths {UseModulePaths} frames {MaxFrames} scan {MaxScanWords} file {MaxModuleFileBytes}"
        + (Debuginfod is { } debuginfod ? $" debuginfod [{string.Join("|", debuginfod.ServerUrls)}] offline {debuginfod.Offline} cache [{debuginfod.CacheDirectory}]" : "");
}

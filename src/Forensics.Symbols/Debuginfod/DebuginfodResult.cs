namespace Forensics.Symbols.Debuginfod;

/// <summary>
/// The answer to one lookup: the file in the cache whose build-id was checked, or null with the reason each source
/// gave (one line each, values in brackets).
/// </summary>
public sealed record DebuginfodResult(string? Path, bool FromCache, IReadOnlyList<string> Problems);

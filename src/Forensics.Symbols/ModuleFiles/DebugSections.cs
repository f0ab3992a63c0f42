namespace Forensics.Symbols.ModuleFiles;

/// <summary>The DWARF sections file:line needs, as read from the file (uncompressed only).</summary>
internal sealed record DebugSections(byte[] Line, byte[]? LineStrings, byte[]? Strings);

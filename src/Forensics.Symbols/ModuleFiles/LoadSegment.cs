namespace Forensics.Symbols.ModuleFiles;

/// <summary>A PT_LOAD of a module file: link-time addresses and where its bytes are in the file.</summary>
internal readonly record struct LoadSegment(ulong Address, ulong MemorySize, ulong Offset, ulong FileSize, bool Executable);

namespace Forensics.Elf.Notes;

/// <summary>
/// One NT_FILE mapping: [Start, End), file offset in bytes (pages × page size; null when the page size is not
/// usable) and the raw name.
/// </summary>
public readonly record struct FileNoteEntry(ulong Start, ulong End, ulong? FileOffset, string Name);

namespace Forensics.Elf;

/// <summary>A problem found while reading ELF bytes: what it is, the file offset it concerns and a message with values in brackets.</summary>
public sealed record ElfDiagnostic(ElfProblem Problem, ulong? Offset, string Message);

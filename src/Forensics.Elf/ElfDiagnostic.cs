namespace Forensics.Elf;

/// <summary>
/// A problem found while reading ELF bytes: a stable id (<c>FX3xxx</c>), a message with values in brackets,
/// and the file offset it concerns. The importer turns these into model diagnostics.
/// </summary>
public sealed record ElfDiagnostic(ElfDiagnosticSeverity Severity, string Id, string Message, ulong? Offset);

namespace Forensics.Symbols.SourceLines;

/// <summary>A source position from a line table.</summary>
internal sealed record SourceLine(string File, int Line);

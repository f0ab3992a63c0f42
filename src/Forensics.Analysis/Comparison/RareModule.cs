namespace Forensics.Analysis.Comparison;

/// <summary>A module that only some captures of one program map (<see cref="CaptureIds"/> of <see cref="ProgramCaptures"/>).</summary>
public sealed record RareModule(string Program, string Module, IReadOnlyList<string> CaptureIds, int ProgramCaptures);

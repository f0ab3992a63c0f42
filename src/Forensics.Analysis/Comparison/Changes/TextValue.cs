namespace Forensics.Analysis.Comparison.Changes;

/// <summary>A name, path, build-id, program, architecture or crash signature.</summary>
public sealed record TextValue(string Text) : ChangeValue;

namespace Forensics.Analysis.Comparison.Changes;

/// <summary>A name, path, build-id, program or architecture.</summary>
public sealed record TextValue(string Text) : ChangeValue;

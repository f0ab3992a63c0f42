namespace Forensics.Analysis.Comparison.Changes;

/// <summary>A value a change compares: one of the records derived from this one.</summary>
public abstract record ChangeValue;

namespace Forensics.Analysis.Comparison.Changes;

/// <summary>A region: its range and permissions.</summary>
public sealed record RegionValue(ulong Start, ulong End, Model.Permissions Permissions) : ChangeValue;

namespace Forensics.Analysis.Comparison.Changes;

/// <summary>A module's segment: its size, permissions and file offset where known.</summary>
public sealed record SegmentValue(ulong Size, Model.Permissions Permissions, ulong? FileOffset) : ChangeValue;

namespace Forensics.Analysis.Comparison.Changes;

/// <summary>A size or total in bytes.</summary>
public sealed record ByteCountValue(ulong Bytes) : ChangeValue;

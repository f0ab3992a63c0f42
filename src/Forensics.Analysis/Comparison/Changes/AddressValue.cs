namespace Forensics.Analysis.Comparison.Changes;

/// <summary>An address or file offset.</summary>
public sealed record AddressValue(ulong Address) : ChangeValue;

namespace Forensics.Analysis.Comparison.Changes;

/// <summary>What the module comparison of one capture found: the value of its layout verdict.</summary>
public sealed record ModuleCountsValue(int Matched, int Slid, int Added, int Removed, int SegmentChanges, int BuildIdChanges) : ChangeValue;

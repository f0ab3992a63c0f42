using Forensics.Analysis.Comparison.Changes;

namespace Forensics.Analysis.Comparison;

/// <summary>Counts of what the module comparison of one capture found.</summary>
internal sealed class ModuleChanges
{
    public int Matched { get; set; }
    public int Added { get; set; }
    public int Removed { get; set; }
    public int Slid { get; set; }
    public int SegmentChanges { get; set; }
    public int BuildIdChanges { get; set; }

    public bool SameLayout => Added == 0 && Removed == 0 && SegmentChanges == 0 && BuildIdChanges == 0;
    public bool AllSameBase => Slid == 0;

    public ModuleCountsValue Counts => new(Matched, Slid, Added, Removed, SegmentChanges, BuildIdChanges);
}

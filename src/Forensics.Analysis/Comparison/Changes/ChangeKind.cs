namespace Forensics.Analysis.Comparison.Changes;

/// <summary>What changed in a capture against the baseline (docs/report-schema.md#comparisoncsv).</summary>
public enum ChangeKind
{
    /// <summary>Layout verdict (subject <see cref="SubjectType.Layout"/>): the same layout at the same bases, one process instance.</summary>
    SameInstance,

    /// <summary>Layout verdict: the same layout at the same bases in two instances (ASLR was off).</summary>
    SameLayoutSameBases,

    /// <summary>Layout verdict: the same layout with modules slid (ASLR).</summary>
    SameLayoutDifferentBases,

    /// <summary>Layout verdict: modules, segments or build-ids differ, or the program or architecture does.</summary>
    LayoutDiffers,

    DifferentProgram,
    ArchitectureMismatch,

    /// <summary>A module in both: the values are its bases, the delta its slide.</summary>
    ModulePresent,
    ModuleAdded,
    ModuleRemoved,
    BuildIdChanged,
    PathChanged,

    SegmentAdded,
    SegmentRemoved,
    SegmentResized,
    PermissionsChanged,
    FileOffsetChanged,

    RegionAdded,
    RegionRemoved,
    RegionResized,

    TotalGrown,
    TotalShrunk,

    /// <summary>The bytes of a kind grew from each snapshot of one process to the next (at least three).</summary>
    SteadyGrowth,

    NewFinding,
    FindingGone,

    Crashed,
    SameCrash,
    DifferentCrash,
    NoLongerCrashed,
}

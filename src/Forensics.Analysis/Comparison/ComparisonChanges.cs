namespace Forensics.Analysis.Comparison;

/// <summary>The values of <see cref="ComparisonRow.Change"/>.</summary>
public static class ComparisonChanges
{
    /// <summary>Layout verdict of a capture against the baseline (subject <c>layout</c>).</summary>
    public const string SameInstance = "same instance";
    public const string SameLayoutDifferentBases = "same layout, different bases";
    public const string SameLayoutSameBases = "same layout, same bases";
    public const string LayoutDiffers = "layout differs";

    public const string DifferentProgram = "different program";
    public const string ArchitectureMismatch = "architecture mismatch";

    /// <summary>A module in both: values are the bases, delta the slide.</summary>
    public const string ModulePresent = "present";
    public const string ModuleAdded = "module added";
    public const string ModuleRemoved = "module removed";
    public const string BuildIdChanged = "build-id changed";
    public const string PathChanged = "path changed";

    public const string SegmentAdded = "segment added";
    public const string SegmentRemoved = "segment removed";
    public const string SegmentResized = "segment resized";
    public const string PermissionsChanged = "permissions changed";
    public const string FileOffsetChanged = "file offset changed";

    public const string RegionAdded = "region added";
    public const string RegionRemoved = "region removed";
    public const string RegionResized = "region resized";

    public const string TotalGrown = "total grown";
    public const string TotalShrunk = "total shrunk";
    public const string SteadyGrowth = "steady growth";

    public const string NewFinding = "new finding";
    public const string FindingGone = "finding gone";

    public const string Crashed = "crashed";
    public const string SameCrash = "same crash";
    public const string DifferentCrash = "different crash";
    public const string NoLongerCrashed = "no crash";
}

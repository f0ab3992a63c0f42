using Forensics.Analysis.Comparison.Changes;
using Forensics.Model;

namespace Forensics.Reports.Changes;

/// <summary>A comparison's typed changes as <c>comparison.csv</c> prints them (docs/report-schema.md#comparisoncsv).</summary>
public static class ChangeText
{
    public static string Subject(ChangeSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.Type switch
        {
            SubjectType.Layout => "layout",
            SubjectType.Architecture => "architecture",
            SubjectType.Program => "program",
            SubjectType.Crash => "crash",
            SubjectType.Mapped => "mapped",
            SubjectType.Module => subject.Name!,
            SubjectType.Segment => subject.Name + " +" + ReportValues.Address(subject.Offset),
            SubjectType.KindTotal => "kind " + subject.Kind?.ToId(),
            SubjectType.Finding => "finding " + subject.Name,
            SubjectType.Region => subject.Name
                + (subject.Offset is { } offset ? " @" + ReportValues.Address(offset) : "")
                + (subject.Permissions is { } permissions ? " " + permissions + " " + ReportValues.Number(subject.Size) + " bytes" : ""),
            _ => throw new ArgumentOutOfRangeException(nameof(subject), subject.Type, "Not a subject type."),
        };
    }

    public static string Kind(ChangeKind kind) => kind switch
    {
        ChangeKind.SameInstance => "same instance",
        ChangeKind.SameLayoutSameBases => "same layout, same bases",
        ChangeKind.SameLayoutDifferentBases => "same layout, different bases",
        ChangeKind.LayoutDiffers => "layout differs",
        ChangeKind.DifferentProgram => "different program",
        ChangeKind.ArchitectureMismatch => "architecture mismatch",
        ChangeKind.ModulePresent => "present",
        ChangeKind.ModuleAdded => "module added",
        ChangeKind.ModuleRemoved => "module removed",
        ChangeKind.BuildIdChanged => "build-id changed",
        ChangeKind.PathChanged => "path changed",
        ChangeKind.SegmentAdded => "segment added",
        ChangeKind.SegmentRemoved => "segment removed",
        ChangeKind.SegmentResized => "segment resized",
        ChangeKind.PermissionsChanged => "permissions changed",
        ChangeKind.FileOffsetChanged => "file offset changed",
        ChangeKind.RegionAdded => "region added",
        ChangeKind.RegionRemoved => "region removed",
        ChangeKind.RegionResized => "region resized",
        ChangeKind.TotalGrown => "total grown",
        ChangeKind.TotalShrunk => "total shrunk",
        ChangeKind.SteadyGrowth => "steady growth",
        ChangeKind.NewFinding => "new finding",
        ChangeKind.FindingGone => "finding gone",
        ChangeKind.Crashed => "crashed",
        ChangeKind.SameCrash => "same crash",
        ChangeKind.DifferentCrash => "different crash",
        ChangeKind.NoLongerCrashed => "no crash",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a change kind."),
    };

    /// <summary>A value: a base in hex, a size in decimal bytes, perms, a region's range, a name; null where the side has none.</summary>
    public static string? Value(ChangeValue? value) => value switch
    {
        null => null,
        TextValue text => text.Text,
        SentenceValue sentence => ReportValues.Text(sentence.Sentence),
        AddressValue address => ReportValues.Address(address.Address),
        ByteCountValue bytes => ReportValues.Number(bytes.Bytes),
        PermissionsValue permissions => permissions.Permissions.ToString(),
        RegionValue region => ReportValues.Address(region.Start) + "-" + ReportValues.Address(region.End) + " " + region.Permissions,
        SegmentValue segment => ReportValues.Number(segment.Size) + " bytes " + segment.Permissions
            + (segment.FileOffset is { } offset ? " at file offset " + ReportValues.Address(offset) : ""),
        ModuleCountsValue counts => ReportValues.Number(counts.Matched) + " modules in both (" + ReportValues.Number(counts.Slid) + " slid), "
            + ReportValues.Number(counts.Added) + " added, " + ReportValues.Number(counts.Removed) + " removed, "
            + ReportValues.Number(counts.SegmentChanges) + " segment changes, " + ReportValues.Number(counts.BuildIdChanges) + " build-id changes",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "Not a change value."),
    };

    /// <summary>A signed difference: a slide in hex (<c>-0xa326f89000</c>, <c>0x0</c>), a size or count in decimal (<c>+4096</c>).</summary>
    public static string? Delta(ChangeDelta? delta) => delta switch
    {
        null => null,
        { Unit: DeltaUnit.Address, Magnitude: 0 } => "0x0",
        { Unit: DeltaUnit.Address } => (delta.Negative ? "-" : "+") + ReportValues.Address(delta.Magnitude),
        _ => (delta.Negative ? "-" : "+") + ReportValues.Number(delta.Magnitude),
    };
}

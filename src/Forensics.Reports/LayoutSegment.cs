using Forensics.Model;

namespace Forensics.Reports;

/// <summary>A run of adjacent regions of one kind in the layout picture, and whether unmapped space precedes it.</summary>
public sealed record LayoutSegment(RegionKind Kind, ulong Start, ulong End, int Regions, bool GapBefore)
{
    public ulong Size => End - Start;
}

using Forensics.Model;

namespace Forensics.Analysis.Comparison;

/// <summary>The bytes mapped as one kind in each capture, aligned with <see cref="ComparisonReport.CaptureIds"/>.</summary>
public sealed record KindSeries(RegionKind Kind, IReadOnlyList<ulong> Bytes)
{
    /// <summary>Every value is larger than the one before (at least three captures): a leak shows this way.</summary>
    public bool GrowsSteadily
    {
        get
        {
            if (Bytes.Count < 3)
                return false;
            for (var index = 1; index < Bytes.Count; index++)
            {
                if (Bytes[index] <= Bytes[index - 1])
                    return false;
            }
            return true;
        }
    }
}

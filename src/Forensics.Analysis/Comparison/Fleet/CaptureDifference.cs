using Forensics.Analysis.Comparison.Changes;
using Forensics.Analysis.Comparison.Programs;

namespace Forensics.Analysis.Comparison.Fleet;

/// <summary>How many differences a capture has against its group's baseline.</summary>
public sealed record CaptureDifference(string CaptureId, string BaselineId, string Program, int Differences);

/// <summary>Counts the change rows that are differences: not a module found in both, not the same crash, not a layout verdict of sameness.</summary>
internal static class DifferenceCount
{
    /// <summary>Every compared capture with at least one difference, most first, then by id.</summary>
    public static IReadOnlyList<CaptureDifference> Largest(IReadOnlyList<ComparisonChange> changes, IReadOnlyList<ProgramGroup> groups)
    {
        var programOf = groups.SelectMany(g => g.CaptureIds.Select(id => (id, g.Program))).ToDictionary(p => p.id, p => p.Program, StringComparer.Ordinal);
        return [.. changes
            .Where(c => IsDifference(c.Kind))
            .GroupBy(c => (c.CaptureId, c.BaselineId))
            .Select(g => new CaptureDifference(g.Key.CaptureId, g.Key.BaselineId, programOf[g.Key.CaptureId], g.Count()))
            .OrderByDescending(d => d.Differences).ThenBy(d => d.CaptureId, StringComparer.Ordinal)];
    }

    private static bool IsDifference(ChangeKind kind) =>
        kind is not (ChangeKind.ModulePresent or ChangeKind.SameCrash or ChangeKind.SameInstance or ChangeKind.SameLayoutSameBases
            or ChangeKind.SameLayoutDifferentBases or ChangeKind.LayoutDiffers or ChangeKind.SteadyGrowth);
}

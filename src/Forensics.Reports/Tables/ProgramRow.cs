using Forensics.Analysis.Comparison.Programs;

namespace Forensics.Reports.Tables;

/// <summary>A row of <c>programs.csv</c>: a capture, its group, and how many differences it has against the group's baseline.</summary>
public sealed record ProgramRow(ProgramGroup Group, ProgramMember Member, int Differences)
{
    /// <summary>Every capture of every group of the run's comparison.</summary>
    public static IEnumerable<ProgramRow> All(PreparedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Comparison is not { } comparison)
            return [];
        var differences = comparison.MostDifferent.ToDictionary(d => d.CaptureId, d => d.Differences, StringComparer.Ordinal);
        return comparison.Groups.SelectMany(g => g.Members.Select(m => new ProgramRow(g, m, differences.GetValueOrDefault(m.CaptureId))));
    }
}

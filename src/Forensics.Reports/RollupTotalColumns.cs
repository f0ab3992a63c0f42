using Forensics.Analysis;
using Forensics.Model;
using Forensics.Reports.Tables;

namespace Forensics.Reports;

/// <summary>
/// The smaps_rollup totals as report columns (<c>rollup_rss_bytes</c> for <c>Rss</c>), in the kernel's order: the
/// trailing columns of captures.csv and its Parquet table, and the <c>rollup_totals</c> of a capture in report.json.
/// </summary>
public static class RollupTotalColumns
{
    /// <summary>Each column name with the smaps key it reports.</summary>
    public static IReadOnlyList<(string Column, string Key)> All { get; } =
        [.. RegionMetrics.TotalKeys.Select(key => ("rollup_" + Snake(key) + "_bytes", key))];

    /// <summary>The captures table with the rollup totals as its last columns (report.json nests them in <c>rollup_totals</c>).</summary>
    public static ReportTable<(PreparedRun Run, CaptureAnalysis Analysis)> WithRollupTotals(this ReportTable<(PreparedRun Run, CaptureAnalysis Analysis)> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var (column, key) in All)
            table = table.Unsigned(column, x => x.Analysis.Capture.Totals?.ByKey(key), json: false);
        return table;
    }

    /// <summary>The totals of <paramref name="capture"/> by column name; null when it has none (no smaps_rollup).</summary>
    public static IReadOnlyDictionary<string, ulong?>? Of(Capture capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        if (capture.Totals is not { } totals)
            return null;
        var result = new Dictionary<string, ulong?>(StringComparer.Ordinal);
        foreach (var (column, key) in All)
            result.Add(column, totals.ByKey(key));
        return result;
    }

    /// <summary><c>Pss_Anon</c> → <c>pss_anon</c>, <c>AnonHugePages</c> → <c>anon_huge_pages</c>, <c>SwapPss</c> → <c>swap_pss</c>.</summary>
    private static string Snake(string key)
    {
        var builder = new System.Text.StringBuilder(key.Length + 4);
        for (var index = 0; index < key.Length; index++)
        {
            var c = key[index];
            if (char.IsUpper(c) && index > 0 && key[index - 1] != '_' && !char.IsUpper(key[index - 1]))
                builder.Append('_');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}

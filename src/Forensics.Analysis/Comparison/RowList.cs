namespace Forensics.Analysis.Comparison;

/// <summary>The rows of one capture against the baseline, sorted by subject and change once complete.</summary>
internal sealed class RowList(string baselineId, string captureId)
{
    private readonly List<ComparisonRow> _rows = [];

    public void Add(string subject, string change, string? baselineValue, string? value, string? delta) =>
        _rows.Add(new ComparisonRow(baselineId, captureId, subject, change, baselineValue, value, delta));

    public List<ComparisonRow> Sorted()
    {
        _rows.Sort(static (a, b) =>
        {
            var order = Rank(a.Subject).CompareTo(Rank(b.Subject));
            if (order == 0) order = string.CompareOrdinal(a.Subject, b.Subject);
            if (order == 0) order = string.CompareOrdinal(a.Change, b.Change);
            if (order == 0) order = string.CompareOrdinal(a.BaselineValue, b.BaselineValue);
            if (order == 0) order = string.CompareOrdinal(a.Value, b.Value);
            return order;
        });
        return _rows;
    }

    /// <summary>The verdict rows first (layout, architecture, program, crash), then modules and the rest by subject.</summary>
    private static int Rank(string subject) => subject switch
    {
        "layout" => 0,
        "architecture" => 1,
        "program" => 2,
        "crash" => 3,
        _ => 4,
    };
}

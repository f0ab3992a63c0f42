using Forensics.Analysis.Comparison.Changes;

namespace Forensics.Reports.Changes;

/// <summary>
/// The order of <c>comparison.csv</c>: each capture's rows in capture order, within a capture the verdict rows first
/// (layout, architecture, program, crash), then by subject, change and values as printed; then the kinds that grew
/// steadily, which span every snapshot.
/// </summary>
internal static class ComparisonOrder
{
    public static IReadOnlyList<ComparisonRow> Rows(IReadOnlyList<ComparisonChange> changes)
    {
        var rows = new List<ComparisonRow>(changes.Count);
        var capture = new List<ComparisonRow>();
        var growth = new List<ComparisonRow>();
        foreach (var change in changes)
        {
            if (change.Kind == ChangeKind.SteadyGrowth)
            {
                growth.Add(new ComparisonRow(change));
                continue;
            }
            if (capture.Count > 0 && !string.Equals(capture[0].CaptureId, change.CaptureId, StringComparison.Ordinal))
                Flush();
            capture.Add(new ComparisonRow(change));
        }
        Flush();
        rows.AddRange(growth);
        return rows;

        void Flush()
        {
            capture.Sort(Compare);
            rows.AddRange(capture);
            capture.Clear();
        }
    }

    private static int Compare(ComparisonRow a, ComparisonRow b)
    {
        var order = Rank(a.Source.Subject.Type).CompareTo(Rank(b.Source.Subject.Type));
        if (order == 0) order = string.CompareOrdinal(a.Subject, b.Subject);
        if (order == 0) order = string.CompareOrdinal(a.Change, b.Change);
        if (order == 0) order = string.CompareOrdinal(a.BaselineValue, b.BaselineValue);
        if (order == 0) order = string.CompareOrdinal(a.Value, b.Value);
        return order;
    }

    private static int Rank(SubjectType subject) => subject switch
    {
        SubjectType.Layout => 0,
        SubjectType.Architecture => 1,
        SubjectType.Program => 2,
        SubjectType.Crash => 3,
        _ => 4,
    };
}

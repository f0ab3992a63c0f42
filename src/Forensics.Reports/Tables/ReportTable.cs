namespace Forensics.Reports.Tables;

/// <summary>
/// One table of the reports, declared once (<see cref="ReportTables"/>): its name, which is the stem of its files
/// (<c>regions.csv</c>, <c>regions.parquet</c>), and its typed columns in order. Every writer works from it.
/// </summary>
public abstract class ReportTable
{
    private protected ReportTable(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    public string Name { get; }

    public string CsvFileName => Name + ".csv";

    public string ParquetFileName => Name + ".parquet";

    public abstract IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>Hands this table and its rows in <paramref name="run"/> to <paramref name="writer"/>, which writes rows of any type.</summary>
    internal abstract TResult Write<TResult>(PreparedRun run, ITableWriter<TResult> writer);
}

namespace Forensics.Reports.Tables;

/// <summary>
/// A table whose rows are <typeparamref name="T"/>: where the rows come from in a run, and the columns, each added by
/// one call (<c>.Address("start", x =&gt; x.Region.Start)</c>). A table is immutable: each call returns a new one.
/// </summary>
public sealed class ReportTable<T> : ReportTable
{
    private readonly Func<PreparedRun, IEnumerable<T>> _rows;
    private readonly TableColumn<T>[] _columns;

    public ReportTable(string name, Func<PreparedRun, IEnumerable<T>> rows)
        : this(name, rows, [])
    {
    }

    private ReportTable(string name, Func<PreparedRun, IEnumerable<T>> rows, TableColumn<T>[] columns)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = rows;
        _columns = columns;
    }

    public override IReadOnlyList<TableColumn<T>> Columns => _columns;

    /// <summary>The rows of this table in <paramref name="run"/>, in report order.</summary>
    public IEnumerable<T> Rows(PreparedRun run) => _rows(run);

    /// <summary>Adds a column at the end; the other methods below do the same for the other <see cref="ColumnType"/>s.</summary>
    /// <param name="name">The CSV header and the Parquet column name, snake_case.</param>
    /// <param name="value">The row's value, null where it is unknown.</param>
    /// <param name="json">False where <c>report.json</c> leaves this column out of the table's objects.</param>
    /// <param name="jsonName">The field's name in <c>report.json</c> where it differs from the column's.</param>
    public ReportTable<T> Text(string name, Func<T, string?> value, bool json = true, string? jsonName = null) =>
        With(new TextColumn<T>(name, value, JsonName(name, json, jsonName)));

    public ReportTable<T> Integer(string name, Func<T, long?> value, bool json = true, string? jsonName = null) =>
        With(new IntegerColumn<T>(name, value, JsonName(name, json, jsonName)));

    public ReportTable<T> Unsigned(string name, Func<T, ulong?> value, bool json = true, string? jsonName = null) =>
        With(new UnsignedColumn<T>(name, ColumnType.Unsigned, value, JsonName(name, json, jsonName)));

    public ReportTable<T> Address(string name, Func<T, ulong?> value, bool json = true, string? jsonName = null) =>
        With(new UnsignedColumn<T>(name, ColumnType.Address, value, JsonName(name, json, jsonName)));

    public ReportTable<T> Boolean(string name, Func<T, bool> value, bool json = true, string? jsonName = null) =>
        With(new BooleanColumn<T>(name, value, JsonName(name, json, jsonName)));

    internal override TResult Write<TResult>(PreparedRun run, ITableWriter<TResult> writer) => writer.Write(this, _rows(run));

    private ReportTable<T> With(TableColumn<T> column)
    {
        if (Array.Exists(_columns, c => string.Equals(c.Name, column.Name, StringComparison.Ordinal)))
            throw new ArgumentException("The table [" + Name + "] already has a column [" + column.Name + "].", nameof(column));
        return new ReportTable<T>(Name, _rows, [.. _columns, column]);
    }

    private static string? JsonName(string name, bool json, string? jsonName) => json ? jsonName ?? name : null;
}

namespace Forensics.Reports.Tables;

/// <summary>A <see cref="ColumnType.Boolean"/> column.</summary>
public sealed class BooleanColumn<T>(string name, Func<T, bool> value, string? jsonName) : TableColumn<T>(name, ColumnType.Boolean, jsonName)
{
    public bool Value(T row) => value(row);

    public override string Cell(T row) => ReportValues.Boolean(value(row));

    public override object? JsonValue(T row) => value(row);
}

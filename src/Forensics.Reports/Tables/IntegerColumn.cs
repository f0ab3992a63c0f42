namespace Forensics.Reports.Tables;

/// <summary>An <see cref="ColumnType.Integer"/> column.</summary>
public sealed class IntegerColumn<T>(string name, Func<T, long?> value, string? jsonName) : TableColumn<T>(name, ColumnType.Integer, jsonName)
{
    public long? Value(T row) => value(row);

    public override string Cell(T row) => value(row) is { } number ? ReportValues.Number(number) : "";

    public override object? JsonValue(T row) => value(row);
}

namespace Forensics.Reports.Tables;

/// <summary>A <see cref="ColumnType.Text"/> column.</summary>
public sealed class TextColumn<T>(string name, Func<T, string?> value, string? jsonName) : TableColumn<T>(name, ColumnType.Text, jsonName)
{
    public string? Value(T row) => value(row);

    public override string Cell(T row) => value(row) ?? "";

    public override object? JsonValue(T row) => value(row);
}

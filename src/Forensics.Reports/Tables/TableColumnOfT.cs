namespace Forensics.Reports.Tables;

/// <summary>A column of a table whose rows are <typeparamref name="T"/>: how its value is taken from a row and printed.</summary>
public abstract class TableColumn<T> : TableColumn
{
    private protected TableColumn(string name, ColumnType type, string? jsonName)
        : base(name, type, jsonName)
    {
    }

    /// <summary>The value as CSV prints it (before spreadsheet neutralising): empty for unknown.</summary>
    public abstract string Cell(T row);

    /// <summary>The value as <c>report.json</c> writes it: a string, a number, a flag, or null for unknown.</summary>
    public abstract object? JsonValue(T row);
}

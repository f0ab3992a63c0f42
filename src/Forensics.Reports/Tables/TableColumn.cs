namespace Forensics.Reports.Tables;

/// <summary>One column of a report table: its snake_case name, its type, and its name in <c>report.json</c>.</summary>
public abstract class TableColumn
{
    private protected TableColumn(string name, ColumnType type, string? jsonName)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Type = type;
        JsonName = jsonName;
    }

    /// <summary>The CSV header and the Parquet column name.</summary>
    public string Name { get; }

    public ColumnType Type { get; }

    /// <summary>The field's name where <c>report.json</c> writes this table's rows as objects; null where it does not write this column.</summary>
    public string? JsonName { get; }
}

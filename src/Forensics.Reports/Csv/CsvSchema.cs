namespace Forensics.Reports.Csv;

/// <summary>
/// The columns of one CSV file: each a snake_case header and how its cell is made from an item.
/// (CsvHelper 34 replaced <c>ClassMap</c> with generated record mappers; this keeps the schema in one
/// readable place without them.)
/// </summary>
internal sealed class CsvSchema<T>
{
    private readonly (string Header, Func<T, string?> Cell)[] _columns;

    public CsvSchema(params (string Header, Func<T, string?> Cell)[] columns)
    {
        _columns = columns;
        Headers = [.. columns.Select(c => c.Header)];
    }

    public string[] Headers { get; }

    public string[] Cells(T item)
    {
        var cells = new string[_columns.Length];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = _columns[i].Cell(item) ?? "";
        return cells;
    }
}

using Forensics.Reports.Escaping;
using Forensics.Reports.Tables;

namespace Forensics.Reports.Csv;

/// <summary>
/// Writes the CSV files of docs/report-schema.md, one per <see cref="ReportTables"/> table: one row per item, the
/// columns' names as the header, each cell printed by its column's type, invariant culture, <c>\n</c>.
/// </summary>
public static class CsvReportWriter
{
    /// <summary>Every file this writer makes, in the order it writes them.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [.. ReportTables.All.Select(t => t.CsvFileName)];

    /// <summary>Writes one of <see cref="FileNames"/>.</summary>
    public static void Write(PreparedRun run, string fileName, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(writer);
        var table = ReportTables.ByFileName(fileName) is { } t && string.Equals(t.CsvFileName, fileName, StringComparison.Ordinal)
            ? t
            : throw new ArgumentOutOfRangeException(nameof(fileName), fileName, "Not a CSV file of the reports.");
        table.Write(run, new TableWriter(writer));
    }

    private sealed class TableWriter(TextWriter writer) : ITableWriter<bool>
    {
        public bool Write<T>(ReportTable<T> table, IEnumerable<T> rows)
        {
            var columns = table.Columns;
            using var row = new CsvRowBuffer(writer);
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0)
                    row.Separator();
                row.Text(columns[i].Name);
            }
            row.EndRow();
            foreach (var item in rows)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    if (i > 0)
                        row.Separator();
                    Cell(columns[i], item, row);
                }
                row.EndRow();
            }
            row.Flush();
            return true;
        }

        // Numbers and flags are printed into the buffer; only text goes through the neutralising of UntrustedText.Csv.
        private static void Cell<T>(TableColumn<T> column, T item, CsvRowBuffer row)
        {
            switch (column)
            {
                case UnsignedColumn<T> unsigned when unsigned.Value(item) is { } value:
                    if (unsigned.Type == ColumnType.Address)
                        row.Address(value);
                    else
                        row.Number(value);
                    break;
                case UnsignedColumn<T>:
                    break;
                case IntegerColumn<T> integer:
                    if (integer.Value(item) is { } number)
                        row.Number(number);
                    break;
                case BooleanColumn<T> boolean:
                    row.Plain(ReportValues.Boolean(boolean.Value(item)));
                    break;
                default:
                    row.Text(UntrustedText.Csv(column.Cell(item)));
                    break;
            }
        }
    }
}

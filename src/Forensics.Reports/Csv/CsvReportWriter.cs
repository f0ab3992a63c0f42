using Forensics.Reports.Escaping;
using Forensics.Reports.Tables;

namespace Forensics.Reports.Csv;

/// <summary>
/// Writes the CSV files of docs/report-schema.md, one per <see cref="ReportTables"/> table: one row per item, the
/// columns' names as the header, each cell printed by its column's type, invariant culture, <c>\n</c>, UTF-8.
/// </summary>
public static class CsvReportWriter
{
    /// <summary>Every file this writer makes, in the order it writes them.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [.. ReportTables.All.Select(t => t.CsvFileName)];

    /// <summary>Writes one of <see cref="FileNames"/> as UTF-8 bytes.</summary>
    public static void Write(PreparedRun run, string fileName, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(stream);
        var table = ReportTables.ByFileName(fileName) is { } t && string.Equals(t.CsvFileName, fileName, StringComparison.Ordinal)
            ? t
            : throw new ArgumentOutOfRangeException(nameof(fileName), fileName, "Not a CSV file of the reports.");
        table.Write(run, new TableWriter(stream));
    }

    private sealed class TableWriter(Stream stream) : ITableWriter<bool>
    {
        public bool Write<T>(ReportTable<T> table, IEnumerable<T> rows)
        {
            // The columns and how each prints, looked up once rather than per cell: 2,000,000 regions are 40,000,000 cells.
            var columns = table.Columns.ToArray();
            var kinds = Array.ConvertAll(columns, KindOf);
            using var row = new CsvRowBuffer(stream);
            for (var i = 0; i < columns.Length; i++)
            {
                if (i > 0)
                    row.Separator();
                row.Text(columns[i].Name);
            }
            row.EndRow();
            foreach (var item in rows)
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    if (i > 0)
                        row.Separator();
                    Cell(kinds[i], columns[i], item, row);
                }
                row.EndRow();
            }
            row.Complete();
            return true;
        }

        private static CellKind KindOf<T>(TableColumn<T> column) => column switch
        {
            UnsignedColumn<T> { Type: ColumnType.Address } => CellKind.Address,
            UnsignedColumn<T> => CellKind.Unsigned,
            IntegerColumn<T> => CellKind.Integer,
            BooleanColumn<T> => CellKind.Boolean,
            TextColumn<T> => CellKind.Text,
            _ => throw new ArgumentException("No CSV cell for a column of [" + column.GetType().Name + "].", nameof(column)),
        };

        // Numbers and flags are printed into the buffer; only text goes through the neutralising of UntrustedText.Csv.
        private static void Cell<T>(CellKind kind, TableColumn<T> column, T item, CsvRowBuffer row)
        {
            switch (kind)
            {
                case CellKind.Address:
                    if (((UnsignedColumn<T>)column).Value(item) is { } address)
                        row.Address(address);
                    break;
                case CellKind.Unsigned:
                    if (((UnsignedColumn<T>)column).Value(item) is { } value)
                        row.Number(value);
                    break;
                case CellKind.Integer:
                    if (((IntegerColumn<T>)column).Value(item) is { } number)
                        row.Number(number);
                    break;
                case CellKind.Boolean:
                    row.Plain(((BooleanColumn<T>)column).Value(item) ? "true"u8 : "false"u8);
                    break;
                default:
                    row.Text(UntrustedText.Csv(((TextColumn<T>)column).Value(item)));
                    break;
            }
        }

        private enum CellKind : byte
        {
            Text,
            Address,
            Unsigned,
            Integer,
            Boolean,
        }
    }
}

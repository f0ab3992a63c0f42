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
        if (RegionCsvRows.Writes(table))
            RegionCsvRows.Write(run, stream);
        else
            WriteByColumns(run, table, stream);
    }

    /// <summary>Any table by its columns' declarations, cell by cell: what the faster <see cref="RegionCsvRows"/> must equal.</summary>
    internal static void WriteByColumns(PreparedRun run, ReportTable table, Stream stream) => table.Write(run, new TableWriter(stream));

    private sealed class TableWriter(Stream stream) : ITableWriter<bool>
    {
        /// <summary>Rows formatted as one piece: about 2 MB of regions.csv.</summary>
        private const int BatchRows = 1 << 14;

        /// <summary>
        /// Writes the header and the rows. A large table's rows are formatted a batch at a time, and the batch after it on
        /// another thread into memory, copied after it: two cores format 2,000,000 regions in about half the time. The
        /// rows are read from <paramref name="rows"/> on this thread alone, and reach the file in their order.
        /// </summary>
        public bool Write<T>(ReportTable<T> table, IEnumerable<T> rows)
        {
            // The columns and how each prints, looked up once rather than per cell: 2,000,000 regions are 40,000,000 cells.
            var columns = table.Columns.ToArray();
            var kinds = Array.ConvertAll(columns, KindOf);
            using var row = new CsvRowBuffer(stream, writeBehind: true);
            for (var i = 0; i < columns.Length; i++)
            {
                if (i > 0)
                    row.Separator();
                row.Text(columns[i].Name);
            }
            row.EndRow();
            using var items = rows.GetEnumerator();
            var (batch, next) = (new T[BatchRows], new T[BatchRows]);
            using var nextText = new MemoryStream();
            while (Fill(items, batch) is var count && count > 0)
            {
                var nextCount = count == BatchRows ? Fill(items, next) : 0;
                var formatting = nextCount > 0 ? Task.Run(() => Rows(columns, kinds, next.AsSpan(0, nextCount), nextText)) : null;
                Rows(columns, kinds, batch.AsSpan(0, count), row);
                if (formatting is null)
                    break;
                formatting.GetAwaiter().GetResult();
                row.Plain(nextText.GetBuffer().AsSpan(0, (int)nextText.Length));
                nextText.SetLength(0);
                if (nextCount < BatchRows)
                    break;
            }
            row.Complete();
            return true;
        }

        private static int Fill<T>(IEnumerator<T> items, T[] batch)
        {
            var count = 0;
            while (count < batch.Length && items.MoveNext())
                batch[count++] = items.Current;
            return count;
        }

        private static void Rows<T>(TableColumn<T>[] columns, CellKind[] kinds, ReadOnlySpan<T> items, MemoryStream text)
        {
            using var row = new CsvRowBuffer(text, writeBehind: false);
            Rows(columns, kinds, items, row);
            row.Complete();
        }

        private static void Rows<T>(TableColumn<T>[] columns, CellKind[] kinds, ReadOnlySpan<T> items, CsvRowBuffer row)
        {
            foreach (var item in items)
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    if (i > 0)
                        row.Separator();
                    Cell(kinds[i], columns[i], item, row);
                }
                row.EndRow();
            }
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

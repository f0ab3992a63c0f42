using System.Globalization;
using CsvHelper;
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
            var options = new CsvWriterOptions
            {
                FormatProvider = CultureInfo.InvariantCulture,
                NewLine = "\n",
                // Formula neutralising is done by UntrustedText.Csv, which exempts plain signed numbers.
                Injection = CsvInjection.None,
                WriteByteOrderMark = false,
            };
            var columns = table.Columns;
            using var csv = CsvWriter.Create(writer, options, true);
            csv.WriteHeader(columns.Select(c => c.Name).ToArray());
            var cells = new string[columns.Count];
            foreach (var row in rows)
            {
                for (var i = 0; i < cells.Length; i++)
                    cells[i] = UntrustedText.Csv(columns[i].Cell(row));
                csv.WriteRecord(cells);
            }
            csv.Flush();
            return true;
        }
    }
}

using Forensics.Reports.Csv;
using Forensics.Reports.Tables;
using Parquet;
using Parquet.Schema;

namespace Forensics.Reports.Parquet;

/// <summary>
/// Writes each <see cref="ReportTables"/> table as a Parquet file beside its CSV file (<c>regions.csv</c> →
/// <c>regions.parquet</c>): the same rows in the same order, the same column names in the same order, each value
/// stored with its column's type (<see cref="ParquetColumnBuffer{T}"/>). Text is the model's text before spreadsheet
/// neutralising (a Parquet file is read by query engines, not spreadsheets). Rows are written in row groups of at most
/// <see cref="RowGroupRows"/>, so memory does not grow with a table. The bytes depend only on the run: Parquet.Net
/// writes no clock, and its <c>created_by</c> names only its own version.
/// </summary>
public static class ParquetReportWriter
{
    /// <summary>The most rows one row group holds.</summary>
    public const int RowGroupRows = 100_000;

    /// <summary>Every file this writer makes, in the order it writes them (that of <see cref="CsvReportWriter.FileNames"/>).</summary>
    public static IReadOnlyList<string> FileNames { get; } = [.. ReportTables.All.Select(t => t.ParquetFileName)];

    /// <summary>Writes every one of <see cref="FileNames"/> into <paramref name="outputDirectory"/> and returns their names.</summary>
    public static IReadOnlyList<string> Write(PreparedRun run, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        Directory.CreateDirectory(outputDirectory);
        foreach (var name in FileNames)
        {
            using var stream = new FileStream(Path.Combine(outputDirectory, name), FileMode.CreateNew, FileAccess.ReadWrite);
            Write(run, name, stream);
        }
        return FileNames;
    }

    /// <summary>
    /// Writes one of <see cref="FileNames"/> to <paramref name="output"/>, a writable and seekable stream, in row groups
    /// of at most <paramref name="rowGroupRows"/> rows.
    /// </summary>
    public static void Write(PreparedRun run, string fileName, Stream output, int rowGroupRows = RowGroupRows)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupRows, 1);
        var table = ReportTables.ByFileName(fileName) is { } t && string.Equals(t.ParquetFileName, fileName, StringComparison.Ordinal)
            ? t
            : throw new ArgumentOutOfRangeException(nameof(fileName), fileName, "Not a Parquet file of the reports.");
        // Parquet.Net writes only asynchronously. The work runs on the thread pool so that waiting for it here cannot
        // deadlock a caller whose synchronisation context would be needed to finish it.
        Task.Run(() => table.Write(run, new TableWriter(output, rowGroupRows))).GetAwaiter().GetResult();
    }

    private sealed class TableWriter(Stream output, int rowGroupRows) : ITableWriter<Task>
    {
        public async Task Write<T>(ReportTable<T> table, IEnumerable<T> rows)
        {
            var buffers = table.Columns.Select(ParquetColumnBuffer<T>.For).ToArray();
            var writer = await ParquetWriter.CreateAsync(new ParquetSchema(buffers.Select(b => (Field)b.Field)), output).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                var count = 0;
                foreach (var row in rows)
                {
                    foreach (var buffer in buffers)
                        buffer.Add(row);
                    if (++count == rowGroupRows)
                    {
                        await WriteRowGroupAsync(writer, buffers).ConfigureAwait(false);
                        count = 0;
                    }
                }
                if (count > 0)
                    await WriteRowGroupAsync(writer, buffers).ConfigureAwait(false);
            }
        }

        private static async Task WriteRowGroupAsync<T>(ParquetWriter writer, ParquetColumnBuffer<T>[] buffers)
        {
            using var rowGroup = writer.CreateRowGroup();
            foreach (var buffer in buffers)
                await buffer.WriteAsync(rowGroup).ConfigureAwait(false);
            rowGroup.CompleteValidate();
        }
    }
}

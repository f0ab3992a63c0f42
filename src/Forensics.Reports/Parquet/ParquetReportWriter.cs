using System.Diagnostics;
using Forensics.Analysis;
using Forensics.Model;
using Forensics.Reports.Csv;
using Parquet;
using Parquet.Schema;

namespace Forensics.Reports.Parquet;

/// <summary>
/// Writes the tables of the CSV files as Parquet files (<c>regions.csv</c> → <c>regions.parquet</c>): the same rows in
/// the same order, the same column names in the same order, typed by <see cref="ParquetColumns"/>. Cells are the CSV's
/// cells before spreadsheet neutralising (a Parquet file is read by query engines, not spreadsheets), with an empty
/// cell stored as null. Rows are written in row groups of at most <see cref="RowGroupRows"/>, so memory does not grow
/// with a table. The bytes depend only on the run: Parquet.Net writes no clock, and its <c>created_by</c> names only
/// its own version.
/// </summary>
public static class ParquetReportWriter
{
    public const string Captures = "captures.parquet";
    public const string Regions = "regions.parquet";
    public const string Modules = "modules.parquet";
    public const string Findings = "findings.parquet";
    public const string Comparison = "comparison.parquet";
    public const string Inputs = "inputs.parquet";
    public const string Diagnostics = "diagnostics.parquet";
    public const string Frames = "frames.parquet";

    /// <summary>The most rows one row group holds.</summary>
    public const int RowGroupRows = 100_000;

    /// <summary>Every file this writer makes, in the order it writes them (that of <see cref="CsvReportWriter.FileNames"/>).</summary>
    public static IReadOnlyList<string> FileNames { get; } = [Inputs, Captures, Regions, Modules, Findings, Comparison, Diagnostics, Frames];

    /// <summary>Writes every one of <see cref="FileNames"/> into <paramref name="outputDirectory"/> and returns their names.</summary>
    public static IReadOnlyList<string> Write(PreparedRun run, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        Directory.CreateDirectory(outputDirectory);
        foreach (var name in FileNames)
        {
            using var stream = new FileStream(Path.Combine(outputDirectory, name), FileMode.Create, FileAccess.ReadWrite);
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
        // Parquet.Net writes only asynchronously. The work runs on the thread pool so that waiting for it here cannot
        // deadlock a caller whose synchronisation context would be needed to finish it.
        Task.Run(() => fileName switch
        {
            Captures => WriteTableAsync(output, CsvReportWriter.Captures, CsvColumns.Captures, run.Captures.Select(a => (run, a)), rowGroupRows),
            Regions => WriteTableAsync(output, CsvReportWriter.Regions, CsvColumns.Regions,
                run.Captures.SelectMany(a => a.Capture.Regions.Select(r => (a.Capture, r))), rowGroupRows),
            Modules => WriteTableAsync(output, CsvReportWriter.Modules, CsvColumns.Modules,
                run.Captures.SelectMany(a => ReportOrder.Modules(a.Capture).Select(m => (a.Capture, m))), rowGroupRows),
            Findings => WriteTableAsync(output, CsvReportWriter.Findings, CsvColumns.Findings,
                run.Captures.SelectMany(a => ReportOrder.Findings(a).Select(f => (a.Capture, f))), rowGroupRows),
            Comparison => WriteTableAsync(output, CsvReportWriter.Comparison, CsvColumns.Comparison, run.ComparisonRows, rowGroupRows),
            Inputs => WriteTableAsync(output, CsvReportWriter.Inputs, CsvColumns.Inputs, run.Inputs, rowGroupRows),
            Diagnostics => WriteTableAsync(output, CsvReportWriter.Diagnostics, CsvColumns.Diagnostics, AllDiagnostics(run), rowGroupRows),
            Frames => WriteTableAsync(output, CsvReportWriter.Frames, CsvColumns.Frames, CsvReportWriter.AllFrames(run), rowGroupRows),
            _ => throw new ArgumentOutOfRangeException(nameof(fileName), fileName, "Not a Parquet file of the reports."),
        }).GetAwaiter().GetResult();
    }

    private static async Task WriteTableAsync<T>(Stream output, string csvFileName, CsvSchema<T> schema, IEnumerable<T> items, int rowGroupRows)
    {
        var columns = ParquetColumns.Of(csvFileName);
        if (!columns.Select(c => c.Name).SequenceEqual(schema.Headers, StringComparer.Ordinal))
        {
            throw new UnreachableException(
                $"the Parquet columns of [{csvFileName}] [{string.Join(',', columns.Select(c => c.Name))}] are not its CSV columns [{string.Join(',', schema.Headers)}]");
        }
        var buffers = columns.Select(c => ParquetColumnBuffer.For(csvFileName, c)).ToArray();
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(buffers.Select(b => (Field)b.Field)), output).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            var rows = 0;
            foreach (var item in items)
            {
                var cells = schema.Cells(item);
                for (var i = 0; i < cells.Length; i++)
                    buffers[i].Add(cells[i]);
                if (++rows == rowGroupRows)
                {
                    await WriteRowGroupAsync(writer, buffers).ConfigureAwait(false);
                    rows = 0;
                }
            }
            if (rows > 0)
                await WriteRowGroupAsync(writer, buffers).ConfigureAwait(false);
        }
    }

    private static async Task WriteRowGroupAsync(ParquetWriter writer, ParquetColumnBuffer[] buffers)
    {
        using var rowGroup = writer.CreateRowGroup();
        foreach (var buffer in buffers)
            await buffer.WriteAsync(rowGroup).ConfigureAwait(false);
        rowGroup.CompleteValidate();
    }

    // The rows of diagnostics.csv, in the CSV writer's order: the inputs' own diagnostics, then each capture's.
    private static IEnumerable<(string Input, string? CaptureId, Diagnostic Diagnostic)> AllDiagnostics(PreparedRun run)
    {
        foreach (var input in run.Inputs)
        {
            foreach (var diagnostic in input.Diagnostics)
                yield return (input.Path, null, diagnostic);
        }
        foreach (var analysis in run.Captures)
        {
            foreach (var diagnostic in analysis.Capture.Diagnostics.Items)
                yield return (analysis.Capture.InputPath, analysis.Capture.Id, diagnostic);
        }
    }
}

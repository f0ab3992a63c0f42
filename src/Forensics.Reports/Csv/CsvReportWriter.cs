using System.Globalization;
using CsvHelper;
using Forensics.Model;
using Forensics.Reports.Escaping;

namespace Forensics.Reports.Csv;

/// <summary>Writes the CSV files of docs/report-schema.md: one row per item, snake_case headers, invariant culture, <c>\n</c>.</summary>
public static class CsvReportWriter
{
    public const string Captures = "captures.csv";
    public const string Regions = "regions.csv";
    public const string Modules = "modules.csv";
    public const string Findings = "findings.csv";
    public const string Comparison = "comparison.csv";
    public const string Inputs = "inputs.csv";
    public const string Diagnostics = "diagnostics.csv";
    public const string Frames = "frames.csv";

    /// <summary>Every file this writer makes, in the order it writes them.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [Inputs, Captures, Regions, Modules, Findings, Comparison, Diagnostics, Frames];

    /// <summary>Writes one of <see cref="FileNames"/>.</summary>
    public static void Write(PreparedRun run, string fileName, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(run);
        switch (fileName)
        {
            case Captures: WriteRows(writer, CsvColumns.Captures, run.Captures.Select(a => (run, a))); break;
            case Regions: WriteRows(writer, CsvColumns.Regions, run.Captures.SelectMany(a => a.Capture.Regions.Select(r => (a.Capture, r)))); break;
            case Modules: WriteRows(writer, CsvColumns.Modules, run.Captures.SelectMany(a => ReportOrder.Modules(a.Capture).Select(m => (a.Capture, m)))); break;
            case Findings: WriteRows(writer, CsvColumns.Findings, run.Captures.SelectMany(a => ReportOrder.Findings(a).Select(f => (a.Capture, f)))); break;
            case Comparison: WriteRows(writer, CsvColumns.Comparison, run.ComparisonRows); break;
            case Inputs: WriteRows(writer, CsvColumns.Inputs, run.Inputs); break;
            case Diagnostics: WriteRows(writer, CsvColumns.Diagnostics, AllDiagnostics(run)); break;
            case Frames: WriteRows(writer, CsvColumns.Frames, AllFrames(run)); break;
            default: throw new ArgumentOutOfRangeException(nameof(fileName), fileName, "Not a CSV file of the reports.");
        }
    }

    private static void WriteRows<T>(TextWriter writer, CsvSchema<T> schema, IEnumerable<T> items)
    {
        var options = new CsvWriterOptions
        {
            FormatProvider = CultureInfo.InvariantCulture,
            NewLine = "\n",
            // Formula neutralising is done by UntrustedText.Csv, which exempts plain signed numbers.
            Injection = CsvInjection.None,
            WriteByteOrderMark = false,
        };
        using var csv = CsvWriter.Create(writer, options, true);
        csv.WriteHeader(schema.Headers);
        foreach (var item in items)
        {
            var cells = schema.Cells(item);
            for (var i = 0; i < cells.Length; i++)
                cells[i] = UntrustedText.Csv(cells[i]);
            csv.WriteRecord(cells);
        }
        csv.Flush();
    }

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

    /// <summary>Every frame of every walked thread: captures in report order, the crashing thread first, innermost first.</summary>
    internal static IEnumerable<FrameRow> AllFrames(PreparedRun run) =>
        run.Captures.Where(a => a.Crash is not null).SelectMany(a => a.Crash!.Threads.SelectMany(t =>
            t.Frames.Select((frame, index) => new FrameRow(a.Capture, t.Tid, t.IsCrashing, index, frame))));
}

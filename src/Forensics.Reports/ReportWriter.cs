using System.Text;
using Forensics.Analysis;
using Forensics.Reports.Csv;
using Forensics.Reports.Json;
using Forensics.Reports.Markdown;
using Forensics.Reports.Svg;

namespace Forensics.Reports;

/// <summary>Writes every report of a run into one output folder: UTF-8 without BOM, <c>\n</c>, no clock.</summary>
public static class ReportWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the reports and returns the files written, relative to <paramref name="outputDirectory"/>, in order.</summary>
    public static IReadOnlyList<string> Write(AnalysisRun run, string outputDirectory, ReportFormats formats)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var prepared = new PreparedRun(run);
        var written = new List<string>();
        Directory.CreateDirectory(outputDirectory);

        // Straight to the file as the report is made: the regions of a large batch would otherwise be held as one string.
        void Stream(string name, Action<TextWriter> write)
        {
            WriteTo(Path.Combine(outputDirectory, name), write, LargeBuffer);
            written.Add(name);
        }

        if (formats.HasFlag(ReportFormats.Markdown))
        {
            Stream("index.md", text => IndexReportWriter.Write(prepared, text));
            Stream("compare.md", text => CompareReportWriter.Write(prepared, text));
            Directory.CreateDirectory(Path.Combine(outputDirectory, "captures"));
            // Each capture's two files depend on that capture alone; the list of files keeps the captures' order.
            Parallel.ForEach(prepared.Captures, analysis =>
            {
                var slug = prepared.SlugOf(analysis.Capture.Id);
                WriteTo(Path.Combine(outputDirectory, "captures", slug + ".md"), text => CaptureReportWriter.Write(prepared, analysis, text), SmallBuffer);
                File.WriteAllText(Path.Combine(outputDirectory, "captures", slug + ".svg"), LayoutSvgWriter.Write(analysis), Utf8);
            });
            var current = new HashSet<string>(StringComparer.Ordinal);
            foreach (var analysis in prepared.Captures)
            {
                var slug = prepared.SlugOf(analysis.Capture.Id);
                written.Add("captures/" + slug + ".md");
                written.Add("captures/" + slug + ".svg");
                current.Add(slug + ".md");
                current.Add(slug + ".svg");
            }
            // The folder is this writer's: a capture of an earlier run into the same folder must not look like one of this run.
            foreach (var stale in Directory.EnumerateFiles(Path.Combine(outputDirectory, "captures")).Where(f => !current.Contains(Path.GetFileName(f))))
                File.Delete(stale);
        }
        if (formats.HasFlag(ReportFormats.Csv))
        {
            foreach (var name in CsvReportWriter.FileNames)
                Stream(name, text => CsvReportWriter.Write(prepared, name, text));
        }
        if (formats.HasFlag(ReportFormats.Json))
            Stream(JsonReportWriter.FileName, text => text.Write(JsonReportWriter.Write(prepared)));
        if (formats.HasFlag(ReportFormats.Parquet))
            written.AddRange(Parquet.ParquetReportWriter.Write(prepared, outputDirectory));
        return written;
    }

    /// <summary>Characters buffered for a run-wide file, and for one of the thousands of per-capture files.</summary>
    private const int LargeBuffer = 1 << 16, SmallBuffer = 1 << 12;

    private static void WriteTo(string path, Action<TextWriter> write, int bufferSize)
    {
        using var file = new StreamWriter(path, append: false, Utf8, bufferSize) { NewLine = "\n" };
        write(file);
    }
}

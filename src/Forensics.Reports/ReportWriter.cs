using System.Text;
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

        void Save(string relative, string text)
        {
            var path = Path.Combine(outputDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, Utf8);
            written.Add(relative.Replace('\\', '/'));
        }

        if (formats.HasFlag(ReportFormats.Markdown))
        {
            Save("index.md", IndexReportWriter.Write(prepared));
            Save("compare.md", CompareReportWriter.Write(prepared));
            Directory.CreateDirectory(Path.Combine(outputDirectory, "captures"));
            // Each capture's two files depend on that capture alone; the list of files keeps the captures' order.
            Parallel.ForEach(prepared.Captures, analysis =>
            {
                var slug = prepared.SlugOf(analysis.Capture.Id);
                File.WriteAllText(Path.Combine(outputDirectory, "captures", slug + ".md"), CaptureReportWriter.Write(prepared, analysis), Utf8);
                File.WriteAllText(Path.Combine(outputDirectory, "captures", slug + ".svg"), LayoutSvgWriter.Write(analysis.Capture), Utf8);
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
            // Straight to the file: the regions of a large batch would otherwise be held as one string.
            foreach (var name in CsvReportWriter.FileNames)
            {
                using var file = new StreamWriter(Path.Combine(outputDirectory, name), append: false, Utf8, bufferSize: 1 << 16) { NewLine = "\n" };
                CsvReportWriter.Write(prepared, name, file);
                written.Add(name);
            }
        }
        if (formats.HasFlag(ReportFormats.Json))
            Save(JsonReportWriter.FileName, JsonReportWriter.Write(prepared));
        if (formats.HasFlag(ReportFormats.Parquet))
            written.AddRange(Parquet.ParquetReportWriter.Write(prepared, outputDirectory));
        return written;
    }
}

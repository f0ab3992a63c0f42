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
            foreach (var analysis in prepared.Captures)
            {
                var slug = prepared.SlugOf(analysis.Capture.Id);
                Save(Path.Combine("captures", slug + ".md"), CaptureReportWriter.Write(prepared, analysis));
                Save(Path.Combine("captures", slug + ".svg"), LayoutSvgWriter.Write(analysis.Capture));
            }
        }
        if (formats.HasFlag(ReportFormats.Csv))
        {
            foreach (var name in CsvReportWriter.FileNames)
            {
                using var text = new StringWriter { NewLine = "\n" };
                CsvReportWriter.Write(prepared, name, text);
                Save(name, text.ToString());
            }
        }
        if (formats.HasFlag(ReportFormats.Json))
            Save(JsonReportWriter.FileName, JsonReportWriter.Write(prepared));
        if (formats.HasFlag(ReportFormats.Parquet))
            written.AddRange(Parquet.ParquetReportWriter.Write(prepared, outputDirectory));
        return written;
    }
}

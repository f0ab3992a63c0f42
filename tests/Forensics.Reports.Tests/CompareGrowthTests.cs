using System.Globalization;
using System.Text;
using Forensics.Analysis;
using Forensics.Analysis.Comparison;
using Forensics.Importers.Normalisation;
using Forensics.Importers.Text;
using Forensics.Model;
using Forensics.Reports.Markdown;

namespace Forensics.Reports.Tests;

/// <summary>compare.md grows at most linearly with the captures, however many modules each maps alone.</summary>
public sealed class CompareGrowthTests
{
    /// <summary>One process of the program svc that maps ten libraries no other capture maps.</summary>
    private static string MapsOf(int capture)
    {
        var text = new StringBuilder();
        ulong address = 0x555500000000 + ((ulong)capture << 24);
        void Row(string perms, string name)
        {
            text.Append(CultureInfo.InvariantCulture, $"{address:x}-{address + 0x1000:x} {perms} 00000000 fe:01 {1000 + capture} {name}\n");
            address += 0x2000;
        }
        Row("r-xp", "/usr/bin/svc");
        Row("r-xp", "/usr/lib/libshared.so");
        for (var library = 0; library < 10; library++)
            Row("r-xp", string.Create(CultureInfo.InvariantCulture, $"/usr/lib/libonly-{capture}-{library}.so"));
        return text.ToString();
    }

    private static int CompareLength(int captures)
    {
        var analyses = Enumerable.Range(0, captures).Select(index =>
        {
            var builtCapture = TextCaptureParsers.Parse(CaptureFormat.Maps, MapsOf(index));
            builtCapture.Id = "svc-" + index.ToString(CultureInfo.InvariantCulture);
            builtCapture.InputPath = builtCapture.Id + ".maps";
            var capture = CaptureNormalizer.Normalize(builtCapture);
            return CaptureAnalyzer.Analyze(capture, [capture]);
        }).ToList();
        var inputs = analyses.Select(a => new InputRecord(a.Capture.InputPath!, InputStatus.Ok, InputProblem.None, null, new string('0', 64), 1, [a.Capture.Id], [])).ToList();
        var run = new AnalysisRun(inputs, analyses, CaptureComparer.Compare(analyses, null));
        using var page = new StringWriter();
        CompareReportWriter.Write(new PreparedRun(run), page);
        return page.GetStringBuilder().Length;
    }

    [Fact]
    public void Four_times_the_captures_make_at_most_about_four_times_the_page()
    {
        var hundred = CompareLength(100);
        var fourHundred = CompareLength(400);

        // A module-by-capture matrix or capture lists in every module's row would make it about sixteen times.
        Assert.InRange((double)fourHundred / hundred, 1.0, 5.0);
    }
}

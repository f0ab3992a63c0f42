using System.Globalization;
using System.Text;
using Forensics.Analysis;
using Forensics.Analysis.Comparison;
using Forensics.Analysis.Comparison.Programs;
using Forensics.Importers.Normalisation;
using Forensics.Importers.Text;
using Forensics.Model;
using Forensics.Reports.Markdown;

namespace Forensics.Reports.Tests;

/// <summary>compare.md grows at most linearly with the captures, however many modules each maps alone.</summary>
public sealed class CompareGrowthTests
{
    /// <summary>One process of the program svc (or of one of <paramref name="programs"/> programs svc-N) that maps ten libraries no other capture maps.</summary>
    private static string MapsOf(int capture, int programs = 1)
    {
        var text = new StringBuilder();
        ulong address = 0x555500000000 + ((ulong)capture << 24);
        void Row(string perms, string name)
        {
            text.Append(CultureInfo.InvariantCulture, $"{address:x}-{address + 0x1000:x} {perms} 00000000 fe:01 {1000 + capture} {name}\n");
            address += 0x2000;
        }
        Row("r-xp", programs == 1 ? "/usr/bin/svc" : string.Create(CultureInfo.InvariantCulture, $"/usr/bin/svc-{capture % programs}"));
        Row("r-xp", "/usr/lib/libshared.so");
        for (var library = 0; library < 10; library++)
            Row("r-xp", string.Create(CultureInfo.InvariantCulture, $"/usr/lib/libonly-{capture}-{library}.so"));
        return text.ToString();
    }

    private static int CompareLength(int captures, int programs = 1) => Compare(captures, programs).Length;

    private static (int Length, ComparisonReport Comparison) Compare(int captures, int programs)
    {
        var analyses = Enumerable.Range(0, captures).Select(index =>
        {
            var builtCapture = TextCaptureParsers.Parse(CaptureFormat.Maps, MapsOf(index, programs));
            builtCapture.Id = "svc-" + index.ToString(CultureInfo.InvariantCulture);
            builtCapture.InputPath = builtCapture.Id + ".maps";
            var capture = CaptureNormalizer.Normalize(builtCapture);
            return CaptureAnalyzer.Analyze(capture, [capture]);
        }).ToList();
        var inputs = analyses.Select(a => new InputRecord(a.Capture.InputPath!, InputStatus.Ok, InputProblem.None, null, new string('0', 64), 1, [a.Capture.Id], [])).ToList();
        var run = new AnalysisRun(inputs, analyses, CaptureComparer.Compare(analyses, null));
        using var page = new StringWriter();
        CompareReportWriter.Write(new PreparedRun(run), page);
        return (page.GetStringBuilder().Length, run.Comparison!);
    }

    [Fact]
    public void Four_times_the_captures_make_at_most_about_four_times_the_page()
    {
        var hundred = CompareLength(100);
        var fourHundred = CompareLength(400);

        // A module-by-capture matrix or capture lists in every module's row would make it about sixteen times.
        Assert.InRange((double)fourHundred / hundred, 1.0, 5.0);
    }

    [Fact]
    public void A_thousand_captures_of_seven_programs_make_at_most_about_ten_times_the_page_of_a_hundred_and_no_change_across_programs()
    {
        var hundred = CompareLength(100, programs: 7);
        var (thousand, comparison) = Compare(1000, programs: 7);

        Assert.InRange((double)thousand / hundred, 1.0, 11.0);
        Assert.Equal(7, comparison.Groups.Count);
        Assert.All(comparison.Groups, g => Assert.Equal(ProgramEvidence.Modules, g.Evidence));
        var programOf = comparison.Groups.SelectMany(g => g.CaptureIds.Select(id => (id, g.Program))).ToDictionary(p => p.id, p => p.Program);
        Assert.All(comparison.Changes, c => Assert.Equal(programOf[c.BaselineId], programOf[c.CaptureId]));
        // The first capture of svc-3 in natural order is svc-3.maps, not svc-10.maps as text order would have it.
        Assert.Equal("svc-3", Assert.Single(comparison.Groups, g => g.Program == "/usr/bin/svc-3").BaselineId);
    }
}

using System.Globalization;
using System.Text;
using Forensics.Analysis;
using Forensics.Importers.Normalisation;
using Forensics.Importers.Text;
using Forensics.Model;
using Forensics.Reports.Markdown;

namespace Forensics.Reports.Tests;

/// <summary>A capture's page is bounded however many regions and modules it has: the whole tables are in the CSVs.</summary>
public sealed class CapturePageBoundTests
{
    /// <summary>A maps of <paramref name="libraries"/> libraries of two mappings each, with a gap after every library.</summary>
    private static string MapsOf(int libraries)
    {
        var text = new StringBuilder();
        ulong address = 0x7f0000000000;
        for (var library = 0; library < libraries; library++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{address:x}-{address + 0x1000:x} r-xp 00000000 fe:01 {1000 + library} /usr/lib/lib{library}.so\n");
            text.Append(CultureInfo.InvariantCulture, $"{address + 0x1000:x}-{address + 0x2000:x} rw-p 00001000 fe:01 {1000 + library} /usr/lib/lib{library}.so\n");
            address += 0x3000;
        }
        return text.ToString();
    }

    private static string Page(int libraries)
    {
        var builtCapture = TextCaptureParsers.Parse(CaptureFormat.Maps, MapsOf(libraries));
        builtCapture.Id = "many";
        builtCapture.InputPath = "many.maps";
        var capture = CaptureNormalizer.Normalize(builtCapture);
        var analysis = CaptureAnalyzer.Analyze(capture, [capture]);
        var inputs = new[] { new InputRecord("many.maps", InputStatus.Ok, InputProblem.None, null, new string('0', 64), 1, ["many"], []) };
        return CaptureReportWriter.Write(new PreparedRun(new AnalysisRun(inputs, [analysis], null)), analysis);
    }

    [Fact]
    public void A_page_shows_the_first_five_thousand_regions_and_modules_and_says_where_the_rest_are()
    {
        var page = Page(3_000);
        var lines = page.Split('\n');

        Assert.Contains("_The first 5000 of 6000 regions; all of them are in regions.csv._", lines);
        Assert.Equal(5_000, lines.Count(l => l.StartsWith("| 0x7f", StringComparison.Ordinal) && l.Contains("| r", StringComparison.Ordinal)));
        // 3,000 modules fit: no note for them.
        Assert.DoesNotContain(lines, l => l.EndsWith("modules.csv._", StringComparison.Ordinal));
        Assert.Contains("| 0x7f0000000000 | 0x7f0000001000 | 4096 | r-xp | 0x0 | fe\\:01 | 1000 | text | lib0.so | /usr/lib/lib0.so |", lines);
    }

    [Fact]
    public void Ten_times_the_regions_make_a_page_of_about_the_same_size()
    {
        var bounded = Page(6_000).Length;
        var tenTimes = Page(60_000).Length;

        Assert.Contains("_The first 5000 of 60000 modules; all of them are in modules.csv._", Page(60_000).Split('\n'));
        Assert.InRange((double)tenTimes / bounded, 1.0, 1.2);
    }
}

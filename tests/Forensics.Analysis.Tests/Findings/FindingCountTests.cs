using Forensics.Analysis.Findings;
using Forensics.Importers.Core;
using Forensics.Importers.Normalisation;
using Forensics.Reports;
using Forensics.TestSupport;

namespace Forensics.Analysis.Tests.Findings;

/// <summary>Findings grow with what differs, not with the input: many alike regions are one row with a count.</summary>
public sealed class FindingCountTests
{
    [Fact]
    public void Two_thousand_alike_writable_executable_segments_are_one_row_per_rule()
    {
        // A crafted core: 2,000 anonymous read-write-execute pages, a page apart, and a crashing thread.
        var builder = new ElfCoreBuilder().PrStatus(4242, 11, 0x401000, 0x7ffc0000).SigInfo(11, 1, 0x10)
            .Segment(0x400000, 0x2000, 5).Segment(0x7ffb0000, 0x20000, 6);
        for (var index = 0; index < 2000; index++)
            builder.Segment(0x10000000 + ((ulong)index * 0x2000), 0x1000, 7);
        var builtCapture = CoreImporter.Import(new MemoryStream(builder.Build(), writable: false), "alike.core");
        var capture = CaptureNormalizer.Normalize(builtCapture);

        var findings = CaptureAnalyzer.Analyze(capture, [capture]).Findings;

        var writableExecutable = Assert.Single(findings, f => f.Rule == "wx-memory");
        Assert.Equal(0x10000000UL, writableExecutable.Start);
        Assert.StartsWith("[2000] regions alike, the first at 0x10000000, 0x10002000, 0x10004000: ", ReportValues.Text(writableExecutable.Message), StringComparison.Ordinal);
        Assert.All(findings.GroupBy(f => (f.Rule, f.Severity, f.Name)), g => Assert.InRange(g.Count(), 1, 10));
        Assert.InRange(findings.Count, 1, 20);
    }
}

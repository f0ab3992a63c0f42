using Forensics.Analysis.Findings;
using Forensics.Importers.Core;
using Forensics.Importers.Normalisation;
using Forensics.Model;
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
        Assert.Equal((0x10000000UL, 0x10f9f000UL), (writableExecutable.Start!.Value, writableExecutable.End!.Value));
        Assert.StartsWith("[2000] regions alike, the first at 0x10000000, 0x10002000, 0x10004000: ", ReportValues.Text(writableExecutable.Message), StringComparison.Ordinal);
        Assert.All(findings.GroupBy(f => (f.Rule, f.Severity, f.Name)), g => Assert.InRange(g.Count(), 1, 10));
        Assert.InRange(findings.Count, 1, 20);
    }

    [Fact]
    public void Three_hundred_real_jit_like_regions_are_one_row_per_rule_with_their_count_and_first_addresses()
    {
        // corpus/jit-regions: gdb's gcore of src/jit_regions.c 300, one rwxp page every other page from 0x7f70a36e5000
        // (jit-info.txt) to 0x7f70a393b000, each holding a function it called.
        var builtCapture = CoreImporter.Import(new MemoryStream(SampleFile.ReadAllBytes(TestPaths.CorpusFile("jit-regions", "gcore.core.xz")), writable: false),
            "jit-regions/gcore.core.xz");
        var capture = CaptureNormalizer.Normalize(builtCapture);
        Assert.Equal(300, capture.Regions.Count(r => r.Permissions.IsWritableAndExecutable && r.IsAnonymous));

        var findings = CaptureAnalyzer.Analyze(capture, [capture]).Findings;

        // gdb's gcore marks every segment readable, so a core says nothing of read or of private and shared: ?wx?.
        const string First = "[300] regions alike, the first at 0x7f70a36e5000, 0x7f70a36e7000, 0x7f70a36e9000: ";
        Assert.Equal(
            [
                ("high", "wx-memory", First + "Writable and executable anonymous memory (?wx?, 4096 bytes): code can be written and run in place."),
                ("medium", "anon-exec", First + "Anonymous executable memory (?wx?, 4096 bytes) with no JIT runtime loaded: code that no file on disk holds, such as injected shellcode."),
            ],
            findings.Where(f => f.Rule is "wx-memory" or "anon-exec").Select(f => (ReportValues.Severity(f.Severity), f.Rule, ReportValues.Text(f.Message))));
        // The row's range spans the 300: from the first page's start to the last page's end (0x7f70a393b000 + 4 KiB).
        Assert.All(findings.Where(f => f.Rule is "wx-memory" or "anon-exec"), f => Assert.Equal((0x7f70a36e5000UL, 0x7f70a393c000UL), (f.Start!.Value, f.End!.Value)));
        Assert.Equal(3, findings.Count);
    }
}

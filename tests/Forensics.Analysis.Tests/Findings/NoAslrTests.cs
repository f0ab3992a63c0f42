using Forensics.Analysis.Findings;
using Forensics.Importers.Core;
using Forensics.Importers.Normalisation;
using Forensics.Model;
using Forensics.Reports;
using Forensics.TestSupport;

namespace Forensics.Analysis.Tests.Findings;

/// <summary>No ASLR only where ASLR applies: randomisable modules of one program, never non-PIE executables.</summary>
public sealed class NoAslrTests
{
    private static Capture Core(params string[] corpusPath)
    {
        var bytes = SampleFile.ReadAllBytes(TestPaths.CorpusFile(corpusPath));
        var builtCapture = CoreImporter.Import(new MemoryStream(bytes, writable: false), string.Join('/', corpusPath));
        builtCapture.Id = string.Join('-', corpusPath);
        var capture = CaptureNormalizer.Normalize(builtCapture);
        return capture;
    }

    [Fact]
    public void Three_unrelated_non_pie_programs_named_a_out_at_0x400000_are_not_aslr_off()
    {
        Capture[] cores =
        [
            Core("public", "cores", "lldb", "elf-core", "linux-x86_64.core"),
            Core("public", "cores", "lldb", "elf-core", "thread_crash", "linux-x86_64.core"),
            Core("public", "cores", "pystack", "segfault.core"),
        ];
        Assert.All(cores, c =>
        {
            var main = Assert.Single(c.Modules, m => m.IsMainExecutable);
            Assert.Equal((0x400000UL, "a.out"), (main.Base, main.Name));
        });

        var findings = cores.SelectMany(c => CaptureAnalyzer.Analyze(c, cores).Findings).ToList();
        Assert.DoesNotContain(findings, f => f.Rule == FindingRules.NoAslr);
        // The pystack program is non-PIE, found at 0x400000 through its own headers, not at the copy at 0x600000.
        var nonPie = Assert.Single(CaptureAnalyzer.Analyze(cores[2], cores).Findings, f => f.Rule == FindingRules.NonPie);
        Assert.Equal((0x400000UL, 0x602000UL, "/src/a.out"), (nonPie.Start, nonPie.End, nonPie.Name));
        Assert.StartsWith("Non-PIE executable: a.out is loaded at 0x400000, the fixed link base 0x400000", ReportValues.Text(nonPie.Message), StringComparison.Ordinal);
    }

    [Fact]
    public void Libraries_at_one_base_in_two_different_programs_are_not_compared()
    {
        var text = SampleFile.ReadAllText(TestPaths.CorpusFile("sets", "set-hello", "maps"));
        var first = SampleCaptures.FromText(CaptureFormat.Maps, "first", text);
        var second = SampleCaptures.FromText(CaptureFormat.Maps, "second", text);
        first = first with { Pid = 16367, ProcessName = "hello" };
        second = second with { Pid = 20000, ProcessName = "other" };

        Assert.DoesNotContain(CaptureAnalyzer.Analyze(first, [first, second]).Findings, f => f.Rule == FindingRules.NoAslr);
    }
}

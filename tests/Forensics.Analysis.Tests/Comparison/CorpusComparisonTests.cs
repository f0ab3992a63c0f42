using Forensics.Analysis.Comparison;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Analysis.Tests.Comparison;

/// <summary>The acceptance pairs of corpus/: two runs under ASLR, before and after a 64 MiB allocation, a preloaded library.</summary>
public sealed class CorpusComparisonTests
{
    private static Capture Corpus(string id, params string[] path)
    {
        var capture = SampleCaptures.FromText(CaptureFormat.Maps, id, SampleFile.ReadAllText(TestPaths.CorpusFile(path)));
        return capture;
    }

    private static ComparisonReport Compare(params Capture[] captures) =>
        CaptureComparer.Compare([.. captures.Select(c => CaptureAnalyzer.Analyze(c, captures))], null);

    [Fact]
    public void Two_runs_of_print_maps_are_the_same_layout_with_every_module_slid_and_no_segment_differences()
    {
        var report = Compare(Corpus("run-1", "aslr-pair", "run-1.maps"), Corpus("run-2", "aslr-pair", "run-2.maps"));
        Assert.Equal(ComparisonChanges.SameLayoutDifferentBases, Assert.Single(report.Rows, r => r.Subject == "layout").Change);
        var modules = report.Rows.Where(r => r.Change == ComparisonChanges.ModulePresent).ToList();
        Assert.Equal(["/tmp/forensics-corpus/bin/print_maps", "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "/usr/lib/x86_64-linux-gnu/libc.so.6", "[vdso]"],
            modules.Select(r => r.Subject));
        Assert.Equal(("0x560571549000", "0x55624a5c0000", "-0xa326f89000"), (modules[0].BaselineValue, modules[0].Value, modules[0].Delta));
        Assert.DoesNotContain(report.Rows, r => r.Change.StartsWith("segment", StringComparison.Ordinal) || r.Change == ComparisonChanges.PermissionsChanged);
    }

    [Fact]
    public void Allocating_64_mib_shows_as_anonymous_growth_of_that_size()
    {
        var report = Compare(Corpus("grow-1-before", "grow", "before.maps"), Corpus("grow-2-after", "grow", "after.maps"));
        var anon = Assert.Single(report.Rows, r => r.Subject == "kind anon");
        Assert.Equal((ComparisonChanges.TotalGrown, "+67112960"), (anon.Change, anon.Delta));
        var added = Assert.Single(report.Rows, r => r.Change == ComparisonChanges.RegionAdded && r.Subject.StartsWith("anon rw-p", StringComparison.Ordinal));
        Assert.Equal(("anon rw-p 67125248 bytes", "0x7f5a51a61000-0x7f5a55a65000 rw-p"), (added.Subject, added.Value));
    }

    [Fact]
    public void A_kernel_core_and_the_maps_saved_by_the_same_process_are_the_same_instance()
    {
        using var core = new MemoryStream(SampleFile.ReadAllBytes(TestPaths.CorpusFile("crash-null", "core.xz")));
        var fromCore = Forensics.Importers.Core.CoreImporter.Import(core, "crash-null/core.xz");
        fromCore.Id = "a-core";
        Forensics.Importers.Normalisation.CaptureNormalizer.Normalize(fromCore);

        var report = Compare(fromCore, Corpus("b-maps", "crash-null", "maps.self"));

        Assert.Equal(ComparisonChanges.SameInstance, Assert.Single(report.Rows, r => r.Subject == "layout").Change);
        var modules = report.Rows.Where(r => r.Change == ComparisonChanges.ModulePresent).ToList();
        Assert.NotEmpty(modules);
        Assert.All(modules, m => Assert.Equal("0x0", m.Delta));
        Assert.DoesNotContain(report.Rows, r => r.Change.StartsWith("segment", StringComparison.Ordinal) || r.Change == ComparisonChanges.PermissionsChanged);
    }

    [Fact]
    public void A_preloaded_library_is_the_difference_and_a_finding()
    {
        var report = Compare(Corpus("a-run-1", "aslr-pair", "run-1.maps"), Corpus("b-preload", "preload", "maps"));
        var added = Assert.Single(report.Rows, r => r.Change == ComparisonChanges.ModuleAdded);
        Assert.Equal(("/tmp/libpreload.so", "0x7eff36939000"), (added.Subject, added.Value));
        Assert.DoesNotContain(report.Rows, r => r.Change == ComparisonChanges.ModuleRemoved);
        var finding = Assert.Single(report.Rows, r => r.Change == ComparisonChanges.NewFinding);
        Assert.Equal(("finding unusual-image-path", "/tmp/libpreload.so"), (finding.Subject, finding.Value));
    }
}

using Forensics.Importers.Normalisation;
using Forensics.Analysis.Comparison;
using Forensics.Analysis.Comparison.Changes;
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
        Assert.Equal(ChangeKind.SameLayoutDifferentBases, Assert.Single(report.Changes, r => r.Subject == ChangeSubject.Layout).Kind);
        var modules = report.Changes.Where(r => r.Kind == ChangeKind.ModulePresent).ToList();
        Assert.Equal(["/tmp/forensics-corpus/bin/print_maps", "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "/usr/lib/x86_64-linux-gnu/libc.so.6", "[vdso]"],
            modules.Select(r => r.Subject.Name).Order(StringComparer.Ordinal));
        var program = Assert.Single(modules, r => r.Subject.Name == "/tmp/forensics-corpus/bin/print_maps");
        Assert.Equal((new AddressValue(0x560571549000), new AddressValue(0x55624a5c0000), ChangeDelta.Minus(DeltaUnit.Address, 0xa326f89000)),
            (program.BaselineValue, program.Value, program.Delta));
        Assert.DoesNotContain(report.Changes, r => IsSegmentChange(r.Kind) || r.Kind == ChangeKind.PermissionsChanged);
    }

    [Fact]
    public void Allocating_64_mib_shows_as_anonymous_growth_of_that_size()
    {
        var report = Compare(Corpus("grow-1-before", "grow", "before.maps"), Corpus("grow-2-after", "grow", "after.maps"));
        var anon = Assert.Single(report.Changes, r => r.Subject == ChangeSubject.KindTotal(RegionKind.Anon));
        Assert.Equal((ChangeKind.TotalGrown, ChangeDelta.Plus(DeltaUnit.Bytes, 67112960)), (anon.Kind, anon.Delta));
        var readWrite = Permissions.Of(read: true, write: true, execute: false, shared: false);
        var added = Assert.Single(report.Changes, r => r.Kind == ChangeKind.RegionAdded && r.Subject.Name == "anon" && r.Subject.Permissions == readWrite);
        Assert.Equal((ChangeSubject.AnonymousRole("anon", readWrite, 67125248), new RegionValue(0x7f5a51a61000, 0x7f5a55a65000, readWrite)),
            (added.Subject, added.Value));
    }

    [Fact]
    public void A_kernel_core_and_the_maps_saved_by_the_same_process_are_the_same_instance()
    {
        using var core = new MemoryStream(SampleFile.ReadAllBytes(TestPaths.CorpusFile("crash-null", "core.xz")));
        var builtFromCore = Forensics.Importers.Core.CoreImporter.Import(core, "crash-null/core.xz");
        builtFromCore.Id = "a-core";
        var fromCore = CaptureNormalizer.Normalize(builtFromCore);

        var report = Compare(fromCore, Corpus("b-maps", "crash-null", "maps.self"));

        Assert.Equal(ChangeKind.SameInstance, Assert.Single(report.Changes, r => r.Subject == ChangeSubject.Layout).Kind);
        var modules = report.Changes.Where(r => r.Kind == ChangeKind.ModulePresent).ToList();
        Assert.NotEmpty(modules);
        Assert.All(modules, m => Assert.Equal(ChangeDelta.Plus(DeltaUnit.Address, 0), m.Delta));
        Assert.DoesNotContain(report.Changes, r => IsSegmentChange(r.Kind) || r.Kind == ChangeKind.PermissionsChanged);
    }

    [Fact]
    public void A_preloaded_library_is_the_difference_and_a_finding()
    {
        var report = Compare(Corpus("a-run-1", "aslr-pair", "run-1.maps"), Corpus("b-preload", "preload", "maps"));
        var added = Assert.Single(report.Changes, r => r.Kind == ChangeKind.ModuleAdded);
        Assert.Equal((ChangeSubject.Module("/tmp/libpreload.so"), new AddressValue(0x7eff36939000)), (added.Subject, added.Value));
        Assert.DoesNotContain(report.Changes, r => r.Kind == ChangeKind.ModuleRemoved);
        var finding = Assert.Single(report.Changes, r => r.Kind == ChangeKind.NewFinding);
        Assert.Equal((ChangeSubject.Finding("unusual-image-path"), new TextValue("/tmp/libpreload.so")), (finding.Subject, finding.Value));
    }

    private static bool IsSegmentChange(ChangeKind kind) => kind is ChangeKind.SegmentAdded or ChangeKind.SegmentRemoved or ChangeKind.SegmentResized;
}

using Forensics.Analysis.Comparison.Changes;
using Forensics.Analysis.Comparison.Programs;
using Forensics.Reports.Tests.Parquet;
using Forensics.TestSupport;

namespace Forensics.Reports.Tests;

/// <summary>
/// Program groups on real multi-capture evidence: the incident ticket's pasted maps, pmap -x and gdb listing of the live
/// process with its gcore core, and the ASLR pair with the preloaded run of the same program.
/// </summary>
public sealed class FleetComparisonTests
{
    private static readonly Lazy<PreparedRun> Run = new(() =>
        CorpusRun.Import(TestPaths.CorpusFile("live"), TestPaths.CorpusFile("ticket"), TestPaths.CorpusFile("aslr-pair"), TestPaths.CorpusFile("preload")));

    private static string IdOf(string inputEnd, int? firstLine = null) =>
        Assert.Single(Run.Value.Captures, a => a.Capture.InputPath.EndsWith(inputEnd, StringComparison.Ordinal)
            && (firstLine is null || a.Capture.LineRange?.First == firstLine)).Capture.Id;

    [Fact]
    public void The_ticket_pastes_and_the_core_of_the_live_process_are_one_program_with_the_core_as_baseline()
    {
        var comparison = Run.Value.Comparison!;
        var live = Assert.Single(comparison.Groups, g => g.Program == "/tmp/forensics-corpus/bin/live");
        Assert.Equal((IdOf("gcore.core.xz"), BaselineReason.FirstNotCrashed), (live.BaselineId, live.BaselineReason));
        Assert.Equal(
            [(IdOf("gcore.core.xz"), ProgramEvidence.BuildId), (IdOf("incident-ticket.md", 12), ProgramEvidence.Modules),
             (IdOf("incident-ticket.md", 53), ProgramEvidence.ProcessName), (IdOf("incident-ticket.md", 97), ProgramEvidence.Modules)],
            live.Members.Select(m => (m.CaptureId, m.Evidence)));
        Assert.True(live.SuccessiveSnapshots);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(97)]
    public void The_pasted_maps_and_gdb_listing_are_the_same_instance_as_the_core_with_no_slide_and_no_region_changes(int firstLine)
    {
        var id = IdOf("incident-ticket.md", firstLine);
        var rows = Run.Value.Comparison!.Changes.Where(c => c.CaptureId == id).ToList();
        Assert.All(rows, r => Assert.Equal(IdOf("gcore.core.xz"), r.BaselineId));
        Assert.Equal(ChangeKind.SameInstance, Assert.Single(rows, r => r.Subject == ChangeSubject.Layout).Kind);
        // By hand: live at 0x55896fdf1000, libc at 0x7f0cc76b4000, ld.so at 0x7f0cc78a9000, the vdso at 0x7f0cc78a7000 in all three.
        Assert.Equal(
            [("/tmp/forensics-corpus/bin/live", 0x55896fdf1000UL), ("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", 0x7f0cc78a9000UL),
             ("/usr/lib/x86_64-linux-gnu/libc.so.6", 0x7f0cc76b4000UL), ("[vdso]", 0x7f0cc78a7000UL)],
            rows.Where(r => r.Kind == ChangeKind.ModulePresent).Select(r => (r.Subject.Name!, ((AddressValue)r.Value!).Address)).OrderBy(r => r.Item1, StringComparer.Ordinal));
        Assert.All(rows.Where(r => r.Kind == ChangeKind.ModulePresent), r => Assert.Equal(ChangeDelta.Plus(DeltaUnit.Address, 0), r.Delta));
        Assert.DoesNotContain(rows, r => r.Kind is ChangeKind.RegionAdded or ChangeKind.RegionRemoved or ChangeKind.SegmentAdded or ChangeKind.SegmentRemoved);
    }

    [Fact]
    public void The_aslr_pair_and_the_preloaded_run_are_one_program_whose_unchanged_anonymous_regions_are_not_reported()
    {
        var comparison = Run.Value.Comparison!;
        var printMaps = Assert.Single(comparison.Groups, g => g.Program == "/tmp/forensics-corpus/bin/print_maps");
        Assert.Equal([IdOf("run-1.maps"), IdOf("run-2.maps"), IdOf("preload/maps")], printMaps.CaptureIds);
        Assert.Equal(IdOf("run-1.maps"), printMaps.BaselineId);
        var second = comparison.Changes.Where(c => c.CaptureId == IdOf("run-2.maps")).ToList();
        Assert.Equal(ChangeKind.SameLayoutDifferentBases, Assert.Single(second, r => r.Subject == ChangeSubject.Layout).Kind);
        Assert.DoesNotContain(second, r => r.Kind is ChangeKind.RegionAdded or ChangeKind.RegionRemoved);
        Assert.Equal(ChangeSubject.Module("/tmp/libpreload.so"),
            Assert.Single(comparison.Changes, c => c.CaptureId == IdOf("preload/maps") && c.Kind == ChangeKind.ModuleAdded).Subject);
    }

    [Fact]
    public void Captures_of_different_programs_are_never_compared()
    {
        var comparison = Run.Value.Comparison!;
        Assert.Equal(2, comparison.Groups.Count);
        var programOf = comparison.Groups.SelectMany(g => g.CaptureIds.Select(id => (id, g.Program))).ToDictionary(p => p.id, p => p.Program);
        Assert.All(comparison.Changes, c => Assert.Equal(programOf[c.BaselineId], programOf[c.CaptureId]));
        Assert.DoesNotContain(comparison.Changes, c => c.Kind is ChangeKind.DifferentProgram or ChangeKind.ArchitectureMismatch);
    }

    [Fact]
    public void A_core_known_only_as_a_out_and_a_listing_of_kernel_mappings_join_no_other_a_out()
    {
        // lldb's i386 gcore names its process a.out and maps only the vdso; the gdb listing of another program maps
        // only [vvar], [vdso] and [stack]. Neither is labath's i386 a.out (build-id ff1bdd50…), nor each other.
        var run = CorpusRun.Import(TestPaths.CorpusFile("public", "cores", "lldb", "elf-core"),
            TestPaths.CorpusFile("public", "text", "nikosChalk_virophage_gdb13_infoproc_i386compat.txt"));
        var comparison = run.Comparison!;
        Assert.Equal(7, comparison.Groups.Count);
        Assert.All(comparison.Groups, g => Assert.Single(g.Members));
        Assert.Empty(comparison.Changes);
        ProgramEvidence EvidenceOf(string inputEnd) => Assert.Single(comparison.Groups,
            g => run.Captures.Single(a => a.Capture.Id == g.BaselineId).Capture.InputPath.EndsWith(inputEnd, StringComparison.Ordinal)).Evidence;
        Assert.Equal(ProgramEvidence.None, EvidenceOf("gcore/linux-i386.core"));
        Assert.Equal(ProgramEvidence.None, EvidenceOf("nikosChalk_virophage_gdb13_infoproc_i386compat.txt"));
        Assert.Equal(ProgramEvidence.BuildId, EvidenceOf("elf-core/linux-i386.core"));
    }

    [Fact]
    public void Of_two_maps_of_one_process_the_one_the_other_only_grew_from_is_the_baseline()
    {
        // after.maps sorts first, but it holds every writable anonymous range of before.maps and the 64 MiB allocation.
        var run = CorpusRun.Import(TestPaths.CorpusFile("grow"));
        var comparison = run.Comparison!;
        string Id(string inputEnd) => Assert.Single(run.Captures, a => a.Capture.InputPath.EndsWith(inputEnd, StringComparison.Ordinal)).Capture.Id;
        var grow = Assert.Single(comparison.Groups);
        Assert.Equal((Id("before.maps"), BaselineReason.EarlierSnapshot), (grow.BaselineId, grow.BaselineReason));
        var anon = Assert.Single(comparison.Changes, c => c.CaptureId == Id("after.maps") && c.Subject == ChangeSubject.KindTotal(Forensics.Model.RegionKind.Anon));
        Assert.Equal((ChangeKind.TotalGrown, ChangeDelta.Plus(DeltaUnit.Bytes, 67112960)), (anon.Kind, anon.Delta));
    }
}

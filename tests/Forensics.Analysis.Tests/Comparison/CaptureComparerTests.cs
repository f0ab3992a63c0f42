using Forensics.Analysis.Comparison.Changes;
using Forensics.Analysis.Comparison.Programs;
using Forensics.Analysis.Comparison;
using Forensics.Model;
using Forensics.Reports;
using Forensics.TestSupport;

namespace Forensics.Analysis.Tests.Comparison;

public sealed class CaptureComparerTests
{
    private static CaptureAnalysis Analyze(Capture capture, IReadOnlyList<Capture> all) => CaptureAnalyzer.Analyze(capture, all);

    private static ComparisonReport Compare(string? baseline, params Capture[] captures) =>
        CaptureComparer.Compare([.. captures.Select(c => Analyze(c, captures))], baseline);

    private static string HelloMaps() => SampleFile.ReadAllText(TestPaths.CorpusFile("sets", "set-hello", "maps"));

    /// <summary>set-hello as another run would place it: program and heap 16 MiB higher, libraries 48 MiB lower, stack 1 MiB higher.</summary>
    private static string HelloElsewhere() =>
        SampleCaptures.ShiftMaps(HelloMaps(), (0, 0x7f0000000000, 0x1000000), (0x7f0000000000, 0x7ff000000000, -0x3000000), (0x7ff000000000, 0x800000000000, 0x100000));

    /// <summary>The capture normalised with a process name, the evidence that names its main executable.</summary>
    private static Capture Named(Capture capture, string processName) => capture with { ProcessName = processName };

    private static Capture Named(CaptureBuilder capture, string processName)
    {
        capture.ProcessName = processName;
        return Forensics.Importers.Normalisation.CaptureNormalizer.Normalize(capture);
    }

    private static List<ComparisonChange> RowsOf(ComparisonReport report, ChangeKind kind) => [.. report.Changes.Where(r => r.Kind == kind)];

    private static ChangeDelta Slide(long distance) =>
        distance < 0 ? ChangeDelta.Minus(DeltaUnit.Address, (ulong)-distance) : ChangeDelta.Plus(DeltaUnit.Address, (ulong)distance);

    [Fact]
    public void Maps_and_pmap_of_one_process_are_the_same_instance_with_zero_slide()
    {
        var maps = SampleCaptures.Text(CaptureFormat.Maps, "a-maps", "sets", "set-crash-null", "maps");
        var pmap = SampleCaptures.Text(CaptureFormat.Pmap, "b-pmap", "sets", "set-crash-null", "pmap.txt");
        var report = Compare(null, pmap, maps);
        Assert.Equal("a-maps", report.BaselineId);
        var layout = Assert.Single(report.Changes, r => r.Subject == ChangeSubject.Layout);
        Assert.Equal(ChangeKind.SameInstance, layout.Kind);
        // The maps names no program; the pmap names its process, which is the image the maps maps.
        var group = Assert.Single(report.Groups);
        Assert.Equal("/opt/forensic/demo/crash_null", group.Program);
        Assert.Equal([ProgramEvidence.Modules, ProgramEvidence.ProcessName], group.Members.Select(m => m.Evidence));
        // Default pmap names neither the heap, the vvar pages nor the vdso ("[ anon ]"): the same ranges, not changes.
        var modules = RowsOf(report, ChangeKind.ModulePresent);
        Assert.Equal(["/opt/forensic/demo/crash_null", "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "/usr/lib/x86_64-linux-gnu/libc.so.6"],
            modules.Select(r => r.Subject.Name).Order(StringComparer.Ordinal));
        Assert.All(modules, r => Assert.Equal(Slide(0), r.Delta));
        Assert.DoesNotContain(report.Changes, r => r.Kind is ChangeKind.SegmentAdded or ChangeKind.SegmentRemoved or ChangeKind.SegmentResized
            or ChangeKind.RegionAdded or ChangeKind.RegionRemoved or ChangeKind.RegionResized or ChangeKind.ModuleAdded or ChangeKind.ModuleRemoved);
    }

    [Fact]
    public void A_process_name_the_kernel_cut_at_15_characters_joins_the_program_of_the_whole_name()
    {
        // Default pmaps name their images by basename only: no build-id or path, so the process name decides.
        var whole = Named(SampleCaptures.Text(CaptureFormat.Pmap, "a-pmap", "sets", "set-crash-null", "pmap.txt"), "crash_null_server_main");
        var cut = Named(SampleCaptures.Text(CaptureFormat.Pmap, "b-pmap", "sets", "set-hello", "pmap.txt"), "crash_null_serv");
        var shorter = Named(SampleCaptures.Text(CaptureFormat.Pmap, "c-pmap", "sets", "set-crash-abort", "pmap.txt"), "crash_null_ser");
        var report = Compare(null, whole, cut, shorter);
        Assert.Equal([["a-pmap", "b-pmap"], ["c-pmap"]], report.Groups.Select(g => g.CaptureIds.ToArray()));
        Assert.Equal([ProgramEvidence.ProcessName, ProgramEvidence.ProcessName], report.Groups[0].Members.Select(m => m.Evidence));
    }

    [Fact]
    public void Two_runs_under_aslr_are_the_same_layout_at_different_bases_with_each_slide()
    {
        var first = SampleCaptures.FromText(CaptureFormat.Maps, "run-1", HelloMaps());
        var second = SampleCaptures.FromText(CaptureFormat.Maps, "run-2", HelloElsewhere());
        var report = Compare(null, second, first);
        Assert.Equal(ChangeKind.SameLayoutDifferentBases, Assert.Single(report.Changes, r => r.Subject == ChangeSubject.Layout).Kind);
        Assert.Equal(
            [("/opt/forensic/demo/hello", Slide(0x1000000)), ("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", Slide(-0x3000000)),
             ("/usr/lib/x86_64-linux-gnu/libc.so.6", Slide(-0x3000000)), ("[vdso]", Slide(-0x3000000))],
            RowsOf(report, ChangeKind.ModulePresent).Select(r => (r.Subject.Name!, r.Delta!)).OrderBy(r => r.Item1, StringComparer.Ordinal));
        Assert.Equal(5, report.Changes.Count);
    }

    [Fact]
    public void Different_programs_are_never_compared_and_each_is_a_group_of_its_own()
    {
        // A bare maps names no program: these carry the process names the pipeline takes from file names (hello.maps).
        var hello = Named(SampleCaptures.TextBuilder(CaptureFormat.Maps, "hello", "sets", "set-hello", "maps"), "hello");
        var crash = Named(SampleCaptures.TextBuilder(CaptureFormat.Maps, "null", "sets", "set-crash-null", "maps"), "crash_null");
        var report = Compare(null, hello, crash);
        Assert.Empty(report.Changes);
        Assert.Equal([("/opt/forensic/demo/hello", "hello", ProgramEvidence.Path), ("/opt/forensic/demo/crash_null", "null", ProgramEvidence.Path)],
            report.Groups.Select(g => (g.Program, g.BaselineId, g.Evidence)));
        Assert.Empty(report.MostDifferent);
    }

    [Fact]
    public void The_report_does_not_depend_on_the_order_of_the_captures()
    {
        var hello = SampleCaptures.Text(CaptureFormat.Maps, "hello", "sets", "set-hello", "maps");
        var crash = SampleCaptures.Text(CaptureFormat.Maps, "null", "sets", "set-crash-null", "maps");
        var sleep = SampleCaptures.Text(CaptureFormat.Maps, "sleep", "sets", "set-system", "sleep", "maps");
        var one = Compare(null, hello, crash, sleep);
        var other = Compare(null, sleep, hello, crash);
        Assert.Equal(one.Changes, other.Changes);
        Assert.Equal(one.CaptureIds, other.CaptureIds);
        Assert.Equal(one.Presence.Select(p => (p.Module, string.Join(',', p.Present))), other.Presence.Select(p => (p.Module, string.Join(',', p.Present))));
        Assert.Equal("hello", one.BaselineId);
    }

    [Fact]
    public void A_named_baseline_is_used_in_its_group()
    {
        var first = Named(SampleCaptures.FromText(CaptureFormat.Maps, "run-1", HelloMaps()), "hello");
        var second = Named(SampleCaptures.FromText(CaptureFormat.Maps, "run-2", HelloElsewhere()), "hello");
        var other = Named(SampleCaptures.Text(CaptureFormat.Maps, "null", "sets", "set-crash-null", "maps"), "crash_null");
        var report = Compare("run-2", first, second, other);
        Assert.Equal("run-2", report.BaselineId);
        var group = Assert.Single(report.Groups, g => g.Members.Count == 2);
        Assert.Equal(("run-2", BaselineReason.Chosen), (group.BaselineId, group.BaselineReason));
        Assert.All(report.Changes, r => Assert.Equal(("run-2", "run-1"), (r.BaselineId, r.CaptureId)));
    }

    [Fact]
    public void Without_a_choice_the_baseline_is_the_first_capture_in_natural_order_that_did_not_crash()
    {
        var runs = new[]
        {
            Named(SampleCaptures.FromText(CaptureFormat.Maps, "run-10", HelloMaps()), "hello"),
            Named(SampleCaptures.FromText(CaptureFormat.Maps, "run-9", HelloElsewhere()), "hello"),
            Named(SampleCaptures.FromText(CaptureFormat.Maps, "run-2", HelloElsewhere()), "hello"),
        };
        var group = Assert.Single(Compare(null, runs).Groups);
        Assert.Equal(["run-2", "run-9", "run-10"], group.CaptureIds);
        Assert.Equal(("run-2", BaselineReason.FirstNotCrashed), (group.BaselineId, group.BaselineReason));
    }

    [Fact]
    public void A_library_in_only_one_run_of_a_program_stands_out_in_the_presence_matrix_and_as_new_findings()
    {
        // A third run of hello with a library loaded from /tmp below libc (as LD_PRELOAD places it).
        var injected = HelloMaps().Replace(
            "7f1f1efc2000-7f1f1efe8000 r--p 00000000 fe:00 332096",
            "7f1f1efb0000-7f1f1efb1000 r--p 00000000 fe:00 4242                       /tmp/libinject.so\n"
            + "7f1f1efb1000-7f1f1efb2000 r-xp 00001000 fe:00 4242                       /tmp/libinject.so\n"
            + "7f1f1efc2000-7f1f1efe8000 r--p 00000000 fe:00 332096", StringComparison.Ordinal);
        var runs = new[]
        {
            Named(SampleCaptures.Builder(CaptureFormat.Maps, "run-1", HelloMaps()), "hello"),
            Named(SampleCaptures.Builder(CaptureFormat.Maps, "run-2", HelloElsewhere()), "hello"),
            Named(SampleCaptures.Builder(CaptureFormat.Maps, "run-3", injected), "hello"),
        };
        var report = Compare(null, runs);
        var rare = Assert.Single(report.RareModules);
        Assert.Equal(("/opt/forensic/demo/hello", "/tmp/libinject.so", 3), (rare.Program, rare.Module, rare.ProgramCaptures));
        Assert.Equal(["run-3"], rare.CaptureIds);
        var presence = Assert.Single(report.Presence, p => p.Module == "/tmp/libinject.so");
        Assert.Equal([false, false, true], presence.Present);
        Assert.Equal(3, Assert.Single(report.Presence, p => p.Module == "/usr/lib/x86_64-linux-gnu/libc.so.6").Count);
        var added = Assert.Single(RowsOf(report, ChangeKind.ModuleAdded));
        Assert.Equal(("run-3", ChangeSubject.Module("/tmp/libinject.so"), new AddressValue(0x7f1f1efb0000)), (added.CaptureId, added.Subject, added.Value));
        var finding = Assert.Single(RowsOf(report, ChangeKind.NewFinding));
        Assert.Equal((ChangeSubject.Finding("unusual-image-path"), new TextValue("/tmp/libinject.so")), (finding.Subject, finding.Value));
    }

    [Fact]
    public void Successive_snapshots_of_one_process_show_steady_heap_growth()
    {
        var text = HelloMaps();
        var snapshots = new[]
        {
            SampleCaptures.FromText(CaptureFormat.Maps, "snapshot-1", text),
            SampleCaptures.FromText(CaptureFormat.Maps, "snapshot-2", text.Replace("55f5efaae000-55f5efacf000", "55f5efaae000-55f5efaf0000", StringComparison.Ordinal)),
            SampleCaptures.FromText(CaptureFormat.Maps, "snapshot-3", text.Replace("55f5efaae000-55f5efacf000", "55f5efaae000-55f5efb11000", StringComparison.Ordinal)),
        };
        snapshots = [.. snapshots.Select(s => s with { Pid = 16367 })];
        var report = Compare(null, snapshots);
        Assert.True(report.SuccessiveSnapshots);
        var heap = Assert.Single(report.KindTotals, k => k.Kind == RegionKind.Heap);
        Assert.Equal([0x21000UL, 0x42000UL, 0x63000UL], heap.Bytes);
        var growth = Assert.Single(RowsOf(report, ChangeKind.SteadyGrowth));
        Assert.Equal((ChangeSubject.KindTotal(RegionKind.Heap), "snapshot-3", new ByteCountValue(135168), new ByteCountValue(405504), ChangeDelta.Plus(DeltaUnit.Bytes, 270336)),
            (growth.Subject, growth.CaptureId, growth.BaselineValue, growth.Value, growth.Delta));
        var resized = RowsOf(report, ChangeKind.RegionResized);
        Assert.Equal([("snapshot-2", ChangeSubject.Role("[heap]"), ChangeDelta.Plus(DeltaUnit.Bytes, 135168)), ("snapshot-3", ChangeSubject.Role("[heap]"), ChangeDelta.Plus(DeltaUnit.Bytes, 270336))],
            resized.Select(r => (r.CaptureId, r.Subject, r.Delta!)));
        Assert.All(report.Changes.Where(r => r.Subject == ChangeSubject.Layout), r => Assert.Equal(ChangeKind.SameInstance, r.Kind));
    }

    [Fact]
    public void Crashes_are_grouped_by_signature()
    {
        var nullCrash = SampleCaptures.CrashedMaps("set-crash-null", "core");
        var abort = SampleCaptures.CrashedMaps("set-crash-abort", "core");
        var report = Compare(null, nullCrash, abort);
        Assert.Equal(["SIGABRT libc.so.6+0x8aeec", "SIGSEGV crash_null+0x16f3"], report.Crashes.Select(c => ReportValues.Text(c.Signature)));
        Assert.Equal(["set-crash-abort/maps"], report.Crashes[0].CaptureIds);
        // Two programs: each crash is counted, neither is a change of the other.
        Assert.Empty(report.Changes);
        Assert.All(report.Groups, g => Assert.Equal((BaselineReason.First, true), (g.BaselineReason, Assert.Single(g.Members).Crashed)));
    }
}

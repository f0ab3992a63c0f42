using Forensics.Analysis;
using Forensics.Analysis.Crash;
using Forensics.Model;
using Forensics.Pipeline.Normalisation;
using Forensics.Reports;
using Forensics.TestSupport;

namespace Forensics.Pipeline.Tests.Importing;

/// <summary>
/// ABRT problem directories from ABRT's and libreport's own test suites (corpus/public/abrt): each folder is one input
/// and one capture, its maps merged with its coredump, its items facts; no item is imported alone.
/// </summary>
public sealed class AbrtProblemDirectoryTests
{
    private static readonly ImportBatch Batch = new BatchImporter().Import([TestPaths.CorpusFile("public", "abrt")]);

    private static Capture CaptureOf(string folder) => Assert.Single(Batch.Captures, c => c.InputPath == folder);

    [Fact]
    public void Each_problem_directory_is_one_input_and_none_of_its_items_is_read_alone()
    {
        Assert.Equal(["bugzilla-bt-reattach", "libreport-sample_problem", "upload-handling"], Batch.Inputs.Select(i => i.Path).Order(StringComparer.Ordinal));
        Assert.Equal(3, Batch.Captures.Count);
        Assert.All(Batch.Captures, c => Assert.Equal(CaptureFormat.Abrt, c.Format));
    }

    [Fact]
    public void A_problem_directory_given_as_the_path_is_one_input()
    {
        var batch = new BatchImporter().Import([TestPaths.CorpusFile("public", "abrt", "upload-handling")]);
        Assert.Equal(("upload-handling", InputStatus.Ok), (Assert.Single(batch.Inputs).Path, batch.Inputs[0].Status));
        Assert.Equal(CaptureFormat.Abrt, Assert.Single(batch.Captures).Format);
    }

    [Fact]
    public void A_ccpp_directory_merges_its_maps_with_its_coredump()
    {
        // abrt tests/runtests/upload-handling: "Process /bin/sleep was killed by signal 11 (SIGSEGV)", pid 22031.
        var capture = CaptureOf("upload-handling");
        Assert.Equal(("CCpp: maps + core", 22031, 11), (capture.Variant, capture.Pid, capture.Signal!.Number));
        Assert.Equal(19, capture.Regions.Count);
        var thread = Assert.Single(capture.Threads);
        Assert.Equal((22031, 0x34406bbcd0UL), (thread.Tid, thread.ProgramCounter));
        // The core's PC is where ABRT's own core_backtrace puts frame 0: libc at 0x3440600000 + 0xbbcd0.
        var libc = Assert.Single(capture.Modules, m => m.Name == "libc-2.14.90.so");
        Assert.Equal((0x3440600000UL, "374add1ead31ccb449779bc7ee7877de3377e5ad"), (libc.Base, libc.BuildId));
        Assert.Equal(0xbbcd0UL, thread.ProgramCounter - libc.Base);
        Assert.Contains(new CaptureFact("core_backtrace #0", "__nanosleep_nocancel in libc.so.6+0xbbcd0 (build-id 374add1ead31ccb449779bc7ee7877de3377e5ad)"), capture.Facts);
        Assert.Contains(new CaptureFact("core_backtrace #1", "?? in [exe]+0x3d48 (build-id 3ddc2c6ae42f850be69a87632e80e8453a94ae82)"), capture.Facts);
        Assert.Equal("3ddc2c6ae42f850be69a87632e80e8453a94ae82", Assert.Single(capture.Modules, m => m.Name == "sleep").BuildId);
        Assert.Contains(new CaptureFact("reason", "Process /bin/sleep was killed by signal 11 (SIGSEGV)"), capture.Facts);
        Assert.Contains(new CaptureFact("time (UTC)", "2012-03-05 12:46:08"), capture.Facts);
        Assert.Equal(("sleep", "sleep 3m"), (capture.ProcessName, capture.CommandLine));
        // The maps were read after the core was written: the stack had grown by a page ([stack] 7fff4b173000 vs 7fff4b172000).
        Assert.Contains(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.MergeRangeBounds && d.Message.Contains("0x7fff4b173000", StringComparison.Ordinal));
    }

    [Fact]
    public void A_core_of_a_kernel_before_3_7_has_no_siginfo_so_the_cause_of_its_segfault_is_unknown()
    {
        // upload-handling's coredump (Fedora 16, 2012) has NT_PRSTATUS (signal 11) and no NT_SIGINFO note: si_code, the fault
        // address and the sender are unknown, not "sent with kill by a process the core does not name" (issue 14, class 9).
        var crash = CaptureAnalyzer.Analyze(CaptureOf("upload-handling"), []).Crash!;

        Assert.Equal(CrashVerdict.SegmentationFault, crash.Verdict);
        Assert.Equal("SIGSEGV at libc-2.14.90.so+0xbbcd0; cause unknown: the core has no siginfo.", ReportValues.Text(crash.Summary));
        Assert.Equal(("SIGSEGV", (int?)null, (ulong?)null, (int?)null, (string?)null),
            (crash.SignalName, crash.SignalCode, crash.FaultAddress, crash.SenderPid, ReportValues.Text(crash.FaultLocation)));
        Assert.Equal(22031, crash.CrashingThreadId);
        Assert.Contains("the PC is in executable memory (3440600000-34407ab000 r-xp /lib64/libc-2.14.90.so)", crash.Evidence.Select(e => ReportValues.Text(e)));
    }

    [Fact]
    public void A_directory_without_pid_or_core_takes_both_and_the_fault_address_from_the_kernel_line()
    {
        // abrt tests/runtests/bugzilla-bt-reattach: "urxvtd[10303]: segfault at 56 ip 0000000000420240 sp 00007fff728dc680 error 4".
        var capture = CaptureOf("bugzilla-bt-reattach");
        Assert.Equal(("CCpp: maps", 196, 10303), (capture.Variant, capture.Regions.Count, capture.Pid));
        Assert.Equal((11, (ulong?)0x56UL), (capture.Signal!.Number, capture.Signal.FaultAddress));
        var thread = Assert.Single(capture.Threads);
        Assert.Equal((0x420240UL, 0x7fff728dc680UL, true), (thread.ProgramCounter, thread.StackPointer, thread.IsCrashing));
        Assert.Contains(capture.Facts, f => f.Name == "Kernel" && f.Value.StartsWith("urxvtd[10303]: segfault at 56", StringComparison.Ordinal));
    }

    [Fact]
    public void Satyr_json_frames_are_stated_facts_and_an_empty_coredump_is_named()
    {
        // libreport src/plugins/python/fixtures/sample_problem: abrt-journal-core, pid 7005, an empty coredump.
        var capture = CaptureOf("libreport-sample_problem");
        Assert.Equal(("CCpp: maps", 42, 7005, 11), (capture.Variant, capture.Regions.Count, capture.Pid, capture.Signal!.Number));
        Assert.Contains(new CaptureFact("analyzer", "abrt-journal-core"), capture.Facts);
        Assert.Contains(new CaptureFact("core_backtrace #0", "read in /lib64/libc.so.6+0x101b72 (build-id ad65a880a208f9831f1031675a3ef1792e67c2fc)"), capture.Facts);
        Assert.Contains(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.AbrtItemEmpty && d.Message.Contains("[coredump]", StringComparison.Ordinal));
        Assert.Contains(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.AbrtItemsSkipped && d.Message.Contains("[.libreport]", StringComparison.Ordinal));
        Assert.Equal(InputStatus.Ok, Assert.Single(Batch.Inputs, i => i.Path == "libreport-sample_problem").Status);
    }
}

using Forensics.Analysis.Crash;
using Forensics.Model;
using Forensics.Reports;

namespace Forensics.Analysis.Tests.Crash;

/// <summary>
/// Verdicts on the local crash sets: the signal and registers of each kernel core (facts.json) over the maps the
/// crashing process wrote of itself (byte-identical to maps.self).
/// </summary>
public sealed class CrashVerdictTests
{
    private static CrashReport CrashOf(Capture capture) => CaptureAnalyzer.Analyze(capture, [capture]).Crash!;

    [Fact]
    public void Crash_null_is_a_null_pointer_dereference_at_0x10()
    {
        var crash = CrashOf(SampleCaptures.CrashedMaps("set-crash-null", "core"));
        Assert.Equal(CrashVerdict.NullPointerDereference, crash.Verdict);
        Assert.Equal("SIGSEGV", crash.SignalName);
        Assert.Equal("SEGV_MAPERR", crash.SignalCodeName);
        Assert.Equal(0x10UL, crash.FaultAddress);
        Assert.Equal(16579, crash.CrashingThreadId);
        Assert.Equal("SIGSEGV crash_null+0x16f3", ReportValues.Text(crash.Signature));
        Assert.Equal("Null-pointer dereference: access to 0x10 (a null pointer plus an offset of 0x10) at crash_null+0x16f3.", ReportValues.Text(crash.Summary));
        Assert.Equal("unmapped", ReportValues.Text(crash.FaultLocation));
    }

    [Fact]
    public void Crash_null_locates_every_thread_pc_and_sp()
    {
        var threads = CrashOf(SampleCaptures.CrashedMaps("set-crash-null", "core")).Threads;
        Assert.Equal([16579, 16580, 16581], threads.Select(t => t.Tid));
        Assert.True(threads[0].IsCrashing);
        Assert.Equal("crash_null+0x16f3", ReportValues.Text(threads[0].ProgramCounterLocation));
        Assert.Equal(RegionKind.Text, threads[0].ProgramCounterKind);
        Assert.Equal("[stack]+0x20b90", ReportValues.Text(threads[0].StackPointerLocation));
        Assert.Equal(RegionKind.Stack, threads[0].StackPointerKind);
        Assert.Equal("libc.so.6+0xd3df2", ReportValues.Text(threads[1].ProgramCounterLocation));
        Assert.Equal("libc.so.6+0xd3df2", ReportValues.Text(threads[2].ProgramCounterLocation));
        Assert.Equal(RegionKind.ThreadStack, threads[1].StackPointerKind);
    }

    [Fact]
    public void Crash_abort_is_an_abort_raised_with_tkill_from_its_own_pid()
    {
        var crash = CrashOf(SampleCaptures.CrashedMaps("set-crash-abort", "core"));
        Assert.Equal(CrashVerdict.Abort, crash.Verdict);
        Assert.Equal("SI_TKILL", crash.SignalCodeName);
        Assert.Equal(16776, crash.SenderPid);
        Assert.Null(crash.FaultAddress);
        Assert.Equal("SIGABRT libc.so.6+0x8aeec", ReportValues.Text(crash.Signature));
        Assert.Contains("tkill/tgkill from its own pid 16776", ReportValues.Text(crash.Summary), StringComparison.Ordinal);
    }

    [Fact]
    public void A_gcore_of_a_running_process_is_no_crash()
    {
        var crash = CrashOf(SampleCaptures.CrashedMaps("set-crash-null", "gcore.core"));
        Assert.Equal(CrashVerdict.NoCrash, crash.Verdict);
        Assert.Equal("SIGSTOP", crash.SignalName);
        Assert.Equal("SI_KERNEL", crash.SignalCodeName);
        // SIGSTOP has no fault address, whatever si_addr holds.
        Assert.Null(crash.FaultAddress);
        Assert.Equal("", ReportValues.Text(crash.Signature));
        Assert.Null(crash.CrashingThreadId);
    }

    [Fact]
    public void A_text_capture_has_no_crash_analysis()
    {
        var capture = SampleCaptures.Text(CaptureFormat.Maps, "maps", "sets", "set-crash-null", "maps");
        Assert.Null(CaptureAnalyzer.Analyze(capture, [capture]).Crash);
    }

    [Fact]
    public void Killed_by_another_process_names_the_sender()
    {
        // set-crash-abort's registers with a SIGTERM from pid 16000 (SI_USER), as kill(1) would send it.
        var capture = SampleCaptures.CrashedMaps("set-crash-abort", "core");
        capture = capture with { Signal = new SignalInfo { Number = 15, Code = 0, SenderPid = 16000 } };
        var crash = CrashOf(capture);
        Assert.Equal(CrashVerdict.KilledByProcess, crash.Verdict);
        Assert.Equal("Killed by another process: pid 16000 sent SIGTERM with kill (the process is pid 16776).", ReportValues.Text(crash.Summary));
    }

    [Fact]
    public void Non_canonical_general_protection_fault_is_reported_with_si_kernel()
    {
        var capture = SampleCaptures.CrashedMaps("set-crash-null", "core");
        capture = capture with { Signal = new SignalInfo { Number = 11, Code = 0x80, FaultAddress = 0 } };
        var crash = CrashOf(capture);
        Assert.Equal(CrashVerdict.NonCanonicalPointer, crash.Verdict);
        Assert.Contains(crash.Evidence, e => ReportValues.Text(e).StartsWith("si_code SI_KERNEL with si_addr 0", StringComparison.Ordinal));
    }

    [Fact]
    public void A_write_to_the_read_only_text_is_a_write_to_read_only_memory()
    {
        var capture = SampleCaptures.CrashedMaps("set-crash-null", "core");
        capture = capture with { Signal = new SignalInfo { Number = 11, Code = 2, FaultAddress = 0x55a0787aa010 } };
        var crash = CrashOf(capture);
        Assert.Equal(CrashVerdict.WriteToReadOnly, crash.Verdict);
        Assert.Equal("crash_null+0x1010", ReportValues.Text(crash.FaultLocation));
    }

    [Fact]
    public void A_fault_in_a_readable_writable_region_is_a_crash_that_cannot_be()
    {
        var capture = SampleCaptures.CrashedMaps("set-crash-null", "core");
        capture = capture with { Signal = new SignalInfo { Number = 11, Code = 1, FaultAddress = 0x55a0820d9010 } };
        Assert.Equal(CrashVerdict.ImpossibleFault, CrashOf(capture).Verdict);
    }

    [Fact]
    public void A_fault_in_no_region_is_a_wild_pointer()
    {
        var capture = SampleCaptures.CrashedMaps("set-crash-null", "core");
        capture = capture with { Signal = new SignalInfo { Number = 11, Code = 1, FaultAddress = 0x75bcd15 } };
        var crash = CrashOf(capture);
        Assert.Equal(CrashVerdict.WildPointer, crash.Verdict);
        Assert.Equal("unmapped", ReportValues.Text(crash.FaultLocation));
    }

    [Fact]
    public void A_fault_just_below_the_main_stack_next_to_the_stack_pointer_is_a_stack_overflow()
    {
        var capture = SampleCaptures.CrashedMaps("set-crash-null", "core");
        capture = capture with { Signal = new SignalInfo { Number = 11, Code = 1, FaultAddress = 0x7ffe5e573ff8 } };
        var crashing = capture.Threads[0];
        capture = capture with
        {
            Threads = [new ThreadInfo { Tid = crashing.Tid, Signal = 11, ProgramCounter = crashing.ProgramCounter, StackPointer = 0x7ffe5e574000, IsCrashing = true }, .. capture.Threads.Skip(1)],
        };
        Assert.Equal(CrashVerdict.StackOverflow, CrashOf(capture).Verdict);
    }
}

using Forensics.Analysis.Crash;
using Forensics.Importers.Clr;
using Forensics.Model;
using Forensics.Reports;

namespace Forensics.Analysis.Tests.Crash;

/// <summary>
/// corpus/dotnet-overflow: DotnetOverflow.Program.Descend recursed without end on the main thread (pid 31163); the
/// runtime printed "Stack overflow. Repeated 261862 times" (program.stderr), aborted, and createdump wrote the core,
/// whose only signal is SIGABRT (si_code 0). The stack overflow is the verdict and the signature, the SIGABRT its evidence.
/// </summary>
public sealed class ManagedStackOverflowTests
{
    private static readonly Lazy<(Capture Capture, CrashReport Crash)> Overflow = new(() =>
    {
        var capture = DotnetCore.Load("dotnet-overflow", "core.xz");
        return (capture, CaptureAnalyzer.Analyze(capture, [capture]).Crash!);
    });

    [Fact]
    public void The_stack_overflow_is_the_verdict_and_the_signature_with_the_repeated_frames()
    {
        var crash = Overflow.Value.Crash;
        Assert.Equal(CrashVerdict.StackOverflow, crash.Verdict);
        Assert.Equal("System.StackOverflowException in DotnetOverflow.Program.Descend ×1024+", ReportValues.Text(crash.Signature));
        Assert.Equal(
            "Stack overflow: managed thread 1 (OS thread 31163) ran out of stack in DotnetOverflow.Program.Descend, which calls itself "
            + "(1024+ frames at the innermost end); the runtime's stack-overflow handler then aborted the process (SIGABRT).",
            ReportValues.Text(crash.Summary));
        Assert.Equal(31163, crash.CrashingThreadId);
    }

    [Fact]
    public void The_evidence_is_the_exception_the_stack_used_to_its_end_and_the_signal()
    {
        var crash = Overflow.Value.Crash;
        Assert.Equal("SIGABRT", crash.SignalName);
        Assert.Equal(
        [
            // createdump's siginfo: the signal number, and no si_code or sender it never filled in (docs/formats.md#createdump-cores).
            "signal 6 (SIGABRT); si_code, the fault address and the sender are unknown: createdump wrote the siginfo with no si_code (it records the signal number, and si_code and the fault address only where the runtime passed them; never the sender)",
            "the PC is in executable memory (7fba6ecf0000-7fba6ecf3000 r-x? /usr/lib/x86_64-linux-gnu/libc.so.6)",
            "managed thread 1 (OS thread 31163) has System.StackOverflowException in flight: the .NET runtime's stack-overflow handler sets it "
                + "when a thread runs out of stack and then aborts the process (SIGABRT), so the signal is the mechanism",
            // The main thread's stack is the 8 MiB of RLIMIT_STACK; the frame that faulted was pushed just below it.
            "its innermost managed frame's SP 0x7ffd2a7b7ff0 is 16 bytes below 0x7ffd2a7b8000-0x7ffd2afb8000, in the guard gap under it (8388608 bytes): "
                + "the stack was used to its end",
            "innermost managed frames: DotnetOverflow.Program.Descend ×1024+ (the walk stops after 1024 managed frames)",
            "the thread's registers (SP 0x7fba6f01f8d0 in 0x7fba6f01b000-0x7fba6f025000) are not on that stack: they are the handler's, which runs on a stack of its own",
        ], crash.Evidence.Take(6).Select(e => ReportValues.Text(e)));
    }

    [Fact]
    public void The_thread_keeps_its_innermost_managed_frames_folded()
    {
        var thread = Assert.Single(Overflow.Value.Capture.Runtime!.Threads, t => t.ExceptionType is not null);
        Assert.Equal((31163, "System.StackOverflowException"), (thread.OsThreadId, thread.ExceptionType));
        var stack = thread.Stack!;
        Assert.Equal([new ManagedFrameRun("DotnetOverflow.Program.Descend", ClrLimits.MaxManagedFrames)], stack.Runs);
        Assert.Equal((0x7ffd2a7b7ff0UL, true), (stack.InnermostStackPointer, stack.IsCut));
    }

    [Fact]
    public void A_stack_overflow_exception_away_from_the_end_of_a_stack_stays_an_unhandled_exception()
    {
        // The same core with the innermost managed frame moved 1 MiB up its stack, as a thrown StackOverflowException would leave it.
        var (capture, _) = Overflow.Value;
        var threads = capture.Runtime!.Threads.Select(t => t.Stack is { } s ? t with { Stack = s with { InnermostStackPointer = 0x7ffd2a8b8000 } } : t).ToList();
        var moved = capture with { Runtime = capture.Runtime with { Threads = threads } };
        var crash = CaptureAnalyzer.Analyze(moved, [moved]).Crash!;

        Assert.Equal(CrashVerdict.UnhandledManagedException, crash.Verdict);
        Assert.Contains("managed thread 1 (OS thread 31163) has System.StackOverflowException in flight, but its innermost managed frame (SP 0x7ffd2a8b8000) "
            + "is not at the lowest address of a stack: not taken for a stack overflow", crash.Evidence.Select(e => ReportValues.Text(e)));
    }
}

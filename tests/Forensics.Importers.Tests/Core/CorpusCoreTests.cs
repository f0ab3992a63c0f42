using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Core;

/// <summary>The cores made on this machine by corpus/make-corpus.sh (facts in corpus/README.md).</summary>
public class CorpusCoreTests
{
    private static CaptureBuilder Import(string set, string name = "core.xz") => CoreSamples.Import(TestPaths.CorpusFile(set, name));

    [Fact]
    public void Null_dereference_faults_at_0x10_in_the_program()
    {
        var capture = Import("crash-null");
        Assert.Equal((28823, "crash_null"), (capture.Pid, capture.ProcessName));
        var thread = Assert.Single(capture.Threads);
        Assert.Equal((28823, 0x557746708416UL, true), (thread.Tid, thread.ProgramCounter, thread.IsCrashing));
        Assert.Equal((11, 1, (ulong?)0x10UL), (capture.Signal!.Number, capture.Signal.Code, capture.Signal.FaultAddress));
        Assert.Equal(25, capture.Regions.Count);
        var exe = capture.Images.Single(i => i.IsExecutable);
        Assert.True(thread.ProgramCounter >= exe.Base && thread.ProgramCounter < exe.End);
        Assert.Equal("c8cce11a430e61de72235a60345648e718c9fc10", exe.BuildId);
    }

    [Fact]
    public void Stack_overflow_faults_just_below_the_main_stack()
    {
        var capture = Import("crash-stack");
        Assert.Equal((11, 1, (ulong?)0x7fff2e2efdf8UL), (capture.Signal!.Number, capture.Signal.Code, capture.Signal.FaultAddress));
        var thread = Assert.Single(capture.Threads);
        Assert.Equal((0x55742a5b0609UL, 0x7fff2e2efdf0UL), (thread.ProgramCounter, thread.StackPointer));
        var stack = capture.Regions.Single(r => r.StatedKind == RegionKind.Stack);
        Assert.True(stack.Start > capture.Signal.FaultAddress);
        Assert.Equal(stack.Size, stack.DumpedBytes);
    }

    [Fact]
    public void Abort_is_sigabrt_by_tkill_from_the_process_itself()
    {
        var capture = Import("crash-abort");
        Assert.Equal((6, -6, (int?)29013, (ulong?)null), (capture.Signal!.Number, capture.Signal.Code, capture.Signal.SenderPid, capture.Signal.FaultAddress));
        Assert.Equal((29013, 0x7f9613332eecUL), (capture.Threads.Single().Tid, capture.Threads.Single().ProgramCounter));
    }

    [Fact]
    public void Thread_crash_marks_the_faulting_worker_and_its_stack()
    {
        var capture = Import("crash-thread");
        Assert.Equal([29088, 29087, 29086, 29085], capture.Threads.Select(t => t.Tid));
        Assert.Equal([true, false, false, false], capture.Threads.Select(t => t.IsCrashing));
        Assert.Equal(0x559ef6f08698UL, capture.Threads[0].ProgramCounter);
        Assert.Equal((11, 2, (ulong?)0x7f1b8c6c7008UL, (int?)29088), (capture.Signal!.Number, capture.Signal.Code, capture.Signal.FaultAddress, capture.Signal.ThreadId));
        Assert.Equal(34, capture.Regions.Count);
        var workerStack = capture.FindRegion(capture.Threads[0].StackPointer)!;
        Assert.Equal((RegionKind.ThreadStack, (int?)29088), (workerStack.StatedKind, workerStack.ThreadId));
        Assert.Equal(RegionKind.Stack, capture.FindRegion(capture.Threads[3].StackPointer)!.StatedKind);
        Assert.Equal(3, capture.Regions.Count(r => r.StatedKind == RegionKind.ThreadStack));
    }

    [Fact]
    public void Kill_from_another_process_names_the_sender()
    {
        var capture = Import("killed-by-signal");
        Assert.Equal((11, 0, (int?)29292, (ulong?)null), (capture.Signal!.Number, capture.Signal.Code, capture.Signal.SenderPid, capture.Signal.FaultAddress));
        Assert.Equal((29284, "victim"), (capture.Pid, capture.ProcessName));
    }

    [Fact]
    public void Live_gcore_has_three_stopped_threads()
    {
        var capture = Import("live", "gcore.core.xz");
        Assert.Equal("gdb gcore", capture.Variant);
        Assert.Equal([28571, 28579, 28580], capture.Threads.Select(t => t.Tid));
        Assert.DoesNotContain(capture.Threads, t => t.IsCrashing);
        Assert.Equal(31, capture.Regions.Count);
    }
}

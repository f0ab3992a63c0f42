using Forensics.Model;

namespace Forensics.Importers.Tests.Core;

/// <summary>Real i386 and x86_64 cores from lldb's and pystack's test suites (facts in samples/public/README.md).</summary>
public class PublicCoreTests
{
    [Fact]
    public void I386_static_core_reads_the_32_bit_layouts()
    {
        var capture = CoreSamples.Import(CoreSamples.PublicCore("lldb", "elf-core", "linux-i386.core"));
        Assert.Equal((Architecture.X86, "kernel core"), (capture.Architecture, capture.Variant));
        Assert.Equal((32306, "a.out", "./a.out"), (capture.Pid, capture.ProcessName, capture.CommandLine));
        Assert.Equal((1007u, 1007u, 32212), (capture.Process!.Uid, capture.Process.Gid, capture.Process.ParentPid));
        var thread = Assert.Single(capture.Threads);
        Assert.Equal((32306, 11, 0x80480c5UL, 0xffe0a30cUL, true), (thread.Tid, thread.Signal, thread.ProgramCounter, thread.StackPointer, thread.IsCrashing));
        Assert.Equal(17, thread.Registers.Count);
        Assert.Equal((11, 1, (ulong?)0UL), (capture.Signal!.Number, capture.Signal.Code, capture.Signal.FaultAddress));
        Assert.Equal(4, capture.Regions.Count);
        var exe = CoreSamples.Region(capture, 0x8048000);
        Assert.Equal(("/home/labath/test/a.out", RegionSources.CoreLoad | RegionSources.CoreFile), (exe.Name, exe.Sources));
        Assert.Equal(RegionKind.Vdso, CoreSamples.Region(capture, 0xf77f7000)!.StatedKind);
        Assert.Equal(0xffe0afe0UL, capture.Auxv.Single(a => a.Name == "AT_EXECFN").Value);
        Assert.Equal(
            [("ff1bdd501e96dc6439b59a5a7efa5c1619937df1", 0x80480a4UL, (string?)null), ("402ca17a5527933bd0a2e7a62b46c44ab1c44dd9", 0xf77f75a8UL, "linux-gate.so.1")],
            capture.Images.Select(i => (i.BuildId!, i.BuildIdAddress!.Value, i.SoName)));
    }

    [Fact]
    public void I386_thread_crash_core_has_three_threads_and_the_tls_base_of_the_crashing_one()
    {
        var capture = CoreSamples.Import(CoreSamples.PublicCore("lldb", "elf-core", "thread_crash", "linux-i386.core"));
        Assert.Equal([(5195, 0xf778ec99UL), (5193, 0x8048d1fUL), (5194, 0x8048d13UL)], capture.Threads.Select(t => (t.Tid, t.ProgramCounter)));
        Assert.True(capture.Threads[0].IsCrashing);
        Assert.Equal(0xf6ba1b40UL, capture.Threads[0].ThreadPointer);
        Assert.Equal((4, -6, (int?)5193), (capture.Signal!.Number, capture.Signal.Code, capture.Signal.SenderPid));
        Assert.Equal(33, capture.Regions.Count);
        // coredump_filter 0: the program's first page at 0x8048000 is not in the core.
        Assert.Equal(0UL, CoreSamples.Region(capture, 0x8048000).DumpedBytes);
        Assert.Equal("/tmp/linux-i386.out", CoreSamples.Region(capture, 0x8048000).Name);
    }

    [Fact]
    public void X86_64_thread_crash_core_reports_sigill_from_tgkill()
    {
        var capture = CoreSamples.Import(CoreSamples.PublicCore("lldb", "elf-core", "thread_crash", "linux-x86_64.core"));
        Assert.Equal([(5250, 0x7fc29434a53fUL), (5222, 0x400cf2UL), (5249, 0x400cecUL)], capture.Threads.Select(t => (t.Tid, t.ProgramCounter)));
        Assert.Equal([true, false, false], capture.Threads.Select(t => t.IsCrashing));
        Assert.Equal((4, -6, (int?)5222, (ulong?)null), (capture.Signal!.Number, capture.Signal.Code, capture.Signal.SenderPid, capture.Signal.FaultAddress));
        Assert.Equal(40, capture.Regions.Count);
        Assert.Equal(26, capture.Regions.Count(r => r.Name is not null));
    }

    [Fact]
    public void Pystack_core_fault_address_is_123456789()
    {
        var capture = CoreSamples.Import(CoreSamples.PublicCore("pystack", "segfault.core"));
        Assert.Equal((11, 1, (ulong?)0x75bcd15UL), (capture.Signal!.Number, capture.Signal.Code, capture.Signal.FaultAddress));
        Assert.Equal((75639, 0x4004c7UL), (capture.Threads.Single().Tid, capture.Threads.Single().ProgramCounter));
        Assert.Equal((4212480UL, 75639, 1), (capture.Process!.Flags, capture.Process.ProcessGroup, capture.Process.Session));
        Assert.Equal(18, capture.Regions.Count);
        // A non-PIE program whose read-only data page maps file offset 0 again, so 0x600000 holds a copy of the ELF header
        // while the text page at 0x400000 was not dumped. The image is where its own PT_LOADs put it (ET_EXEC, bias 0),
        // with AT_PHDR 0x400040 inside; the build-id note is read through the copy and reported at its own address.
        var exe = Assert.Single(capture.Images, i => i.IsExecutable);
        Assert.Equal(2, capture.Images.Count);
        Assert.Equal((0x400000UL, 0x601028UL, "d5f6aeb5e51a1dfc735be6e16d196fc126441573", 0x400284UL, "/src/a.out", (ulong?)0x600000UL, false),
            (exe.Base, exe.End, exe.BuildId, exe.BuildIdAddress!.Value, exe.Path, exe.HeaderCopyAddress, exe.IsPositionIndependent));
    }

    [Theory]
    [InlineData("linux-i386.core", new[] { 5586, 5588, 5589 }, new[] { 0xf771cc99UL, 0x8048b20UL, 0x8048a94UL }, 1)]
    [InlineData("linux-x86_64.core", new[] { 5669, 5671, 5672 }, new[] { 0x7f644c39c9cdUL, 0x400cf2UL, 0x400e94UL }, 2)]
    public void Gcore_of_a_running_process_is_stopped_not_crashed(string name, int[] tids, ulong[] pcs, int regions)
    {
        var capture = CoreSamples.Import(CoreSamples.PublicCore("lldb", "elf-core", "gcore", name));
        Assert.Equal("gdb gcore", capture.Variant);
        Assert.Equal(tids, capture.Threads.Select(t => t.Tid));
        Assert.Equal(pcs, capture.Threads.Select(t => t.ProgramCounter));
        Assert.All(capture.Threads, t => Assert.Equal((19, false), (t.Signal, t.IsCrashing)));
        Assert.Equal((19, (int?)null), (capture.Signal!.Number, capture.Signal.ThreadId));
        Assert.Equal(regions, capture.Regions.Count);
        Assert.Equal(RegionKind.Vdso, capture.Regions[0].StatedKind);
    }
}

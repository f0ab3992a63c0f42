using Forensics.Model;

namespace Forensics.Importers.Tests.Core;

/// <summary>
/// Real cores this tool reads beyond i386 and x86_64 (x32), and those it cannot analyse (NetBSD, AArch64, a kdump
/// vmcore), from elfutils' and lldb's test suites (facts in corpus/public/README.md).
/// </summary>
public class ForeignCoreTests
{
    [Fact]
    public void X32_core_decodes_the_x86_64_registers_of_the_compat_prstatus()
    {
        var capture = CoreSamples.Import(CoreSamples.PublicCore("elfutils", "backtrace.x32.core.bz2"));
        Assert.Equal(Architecture.X32, capture.Architecture);
        Assert.Equal((3842, "backtrace.x32.e", "./backtrace.x32.exe --gencore"), (capture.Pid, capture.ProcessName, capture.CommandLine));
        // eu-readelf -n: the crashing thread 3843 first, rip 0x40b2a2, rsp 0xf77d5018, fs.base 0xf77d5940.
        Assert.Equal(
            [(3843, 6, 0x40b2a2UL, 0xf77d5018UL, (ulong?)0xf77d5940UL, true), (3842, 6, 0x4039eaUL, 0xffedcd50UL, capture.Threads[1].ThreadPointer, false)],
            capture.Threads.Select(t => (t.Tid, t.Signal, t.ProgramCounter, t.StackPointer, t.ThreadPointer, t.IsCrashing)));
        Assert.Equal(27, capture.Threads[0].Registers.Count);
        Assert.Equal((6, (int?)-6, (int?)3842), (capture.Signal!.Number, capture.Signal.Code, capture.Signal.SenderPid));
        Assert.Equal(9, capture.Regions.Count);
        Assert.DoesNotContain(capture.Diagnostics.Items, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void X32_core_of_a_segfault_has_its_fault_address()
    {
        var capture = CoreSamples.Import(CoreSamples.PublicCore("elfutils", "testfile-x32-core.bz2"));
        Assert.Equal(Architecture.X32, capture.Architecture);
        var thread = Assert.Single(capture.Threads);
        Assert.Equal((6885, 11, 0x400380UL, 0xffc0e070UL), (thread.Tid, thread.Signal, thread.ProgramCounter, thread.StackPointer));
        Assert.Equal((11, (int?)1, (ulong?)0x12345678UL), (capture.Signal!.Number, capture.Signal.Code, capture.Signal.FaultAddress));
        Assert.Equal("/usr/libx32/libc-2.20.so", CoreSamples.Region(capture, 0xf71a2000).Name);
    }

    [Fact]
    public void NetBSD_core_is_unsupported_and_its_notes_are_not_read_as_linux_ones()
    {
        var capture = CoreSamples.Import(CoreSamples.PublicCore("lldb", "netbsd-core", "1lwp_SIGSEGV.amd64.core"));
        Assert.Equal("a NetBSD process core, not a Linux one", capture.UnsupportedReason);
        var error = Assert.Single(capture.Diagnostics.Items, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticCatalogue.ForeignSystemCore.Id, error.Id);
        Assert.Contains(capture.Notes, n => n.StartsWith("NetBSD-CORE:", StringComparison.Ordinal));
        Assert.Empty(capture.Threads);
        Assert.Null(capture.Signal);
        Assert.Equal(21, capture.Regions.Count);
    }

    [Fact]
    public void Kdump_vmcore_is_unsupported()
    {
        var capture = CoreSamples.Import(CoreSamples.PublicCore("elfutils", "testfile62.bz2"));
        Assert.Equal("a kdump vmcore of a whole kernel, not a process core", capture.UnsupportedReason);
        Assert.Contains(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.KernelDump.Id && d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("VMCOREINFO:0x0 x1", capture.Notes);
        // Its two NT_PRSTATUS notes are CPUs of the kernel (rip 0xffffffff812ba86f), not threads of a process.
        Assert.Empty(capture.Threads);
        Assert.Equal(4, capture.Regions.Count);
        Assert.All(capture.Regions, r => Assert.Equal(RegionKind.Unknown, r.StatedKind));
    }

    [Fact]
    public void AArch64_core_is_unsupported_and_its_architecture_is_not_x86()
    {
        var capture = CoreSamples.Import(CoreSamples.PublicCore("elfutils", "backtrace.aarch64.core.bz2"));
        Assert.Equal(Architecture.Unknown, capture.Architecture);
        Assert.Equal(["ELF header: ELFCLASS64, e_machine [183] (AArch64), not x86"], capture.ArchitectureEvidence);
        Assert.Equal("a core of another machine than x86 (e_machine [183], AArch64)", capture.UnsupportedReason);
        Assert.Contains(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.UnsupportedMachine.Id);
        Assert.Empty(capture.Threads);
        Assert.Equal(8, capture.Regions.Count);
    }
}

using Forensics.Model;

namespace Forensics.Importers.Tests.Core;

public class KernelCoreTests
{
    private static readonly CaptureBuilder CrashNull = CoreSamples.Import(CoreSamples.LocalCore("set-crash-null", "core.xz"));

    [Fact]
    public void Null_dereference_core_has_the_three_threads_with_their_pcs()
    {
        Assert.Equal("kernel core", CrashNull.Variant);
        Assert.Equal(Architecture.X86_64, CrashNull.Architecture);
        Assert.Equal(
            [(16579, 0x55a0787aa6f3UL, true), (16580, 0x7ffb9b94fdf2UL, false), (16581, 0x7ffb9b94fdf2UL, false)],
            CrashNull.Threads.Select(t => (t.Tid, t.ProgramCounter, t.IsCrashing)));
        Assert.All(CrashNull.Threads, t => Assert.Equal(11, t.Signal));
        var main = CrashNull.Threads[0];
        Assert.Equal(0x7ffe5e594b90UL, main.StackPointer);
        Assert.Equal(0x7ffb9b879740UL, main.ThreadPointer);
        Assert.Equal(27, main.Registers.Count);
        Assert.Equal(new KeyValuePair<string, ulong>("rip", 0x55a0787aa6f3), main.Registers[16]);
    }

    [Fact]
    public void Null_dereference_core_signal_is_sigsegv_maperr_at_0x10()
    {
        var signal = CrashNull.Signal!;
        Assert.Equal(11, signal.Number);
        Assert.Equal(1, signal.Code);
        Assert.Equal(0x10UL, signal.FaultAddress);
        Assert.Null(signal.SenderPid);
        Assert.Equal(16579, signal.ThreadId);
    }

    [Fact]
    public void Null_dereference_core_names_the_process_from_prpsinfo()
    {
        Assert.Equal(16579, CrashNull.Pid);
        Assert.Equal("crash_null", CrashNull.ProcessName);
        Assert.Equal("/opt/forensic/demo/crash_null", CrashNull.CommandLine);
        Assert.Equal(16576, CrashNull.Process!.ParentPid);
        Assert.Equal('R', CrashNull.Process.State);
    }

    [Fact]
    public void Null_dereference_core_regions_match_its_29_segments_with_names_from_nt_file()
    {
        Assert.Equal(29, CrashNull.Regions.Count);
        Assert.Equal(15, CrashNull.Regions.Count(r => r.Name is not null));
        Assert.All(CrashNull.Regions, r => Assert.True(r.Sources.HasFlag(RegionSources.CoreLoad)));
        Assert.Equal(19_918_848UL, CrashNull.MappedBytes);
        Assert.Equal(17_977_344UL, CrashNull.Regions.Aggregate(0UL, (sum, r) => sum + r.DumpedBytes!.Value));
    }

    [Fact]
    public void Libc_header_segment_holds_only_its_first_page_and_text_is_not_captured()
    {
        var header = CoreSamples.Region(CrashNull, 0x7ffb9b87c000);
        Assert.Equal("/usr/lib/x86_64-linux-gnu/libc.so.6", header.Name);
        Assert.Equal(0x26000UL, header.Size);
        Assert.Equal(0x1000UL, header.DumpedBytes);
        Assert.Equal(0UL, header.Offset);
        Assert.Equal("r--?", header.Permissions.ToString());
        var text = CoreSamples.Region(CrashNull, 0x7ffb9b8a2000);
        Assert.Equal(0UL, text.DumpedBytes);
        Assert.Equal(0x26000UL, text.Offset);
        Assert.Equal("r-x?", text.Permissions.ToString());
    }

    [Fact]
    public void Kinds_come_from_auxv_and_thread_stack_pointers()
    {
        Assert.Equal(RegionKind.Vdso, CoreSamples.Region(CrashNull, 0x7ffb9ba70000)!.StatedKind);
        Assert.Equal(RegionKind.Vsyscall, CoreSamples.Region(CrashNull, 0xffffffffff600000)!.StatedKind);
        var stack = CoreSamples.Region(CrashNull, 0x7ffe5e574000);
        Assert.Equal(RegionKind.Stack, stack.StatedKind);
        Assert.Equal(0x21000UL, stack.DumpedBytes);
        Assert.Equal((RegionKind.ThreadStack, 16580), (CoreSamples.Region(CrashNull, 0x7ffb9aff8000)!.StatedKind, CoreSamples.Region(CrashNull, 0x7ffb9aff8000).ThreadId));
        Assert.Equal((RegionKind.ThreadStack, 16581), (CoreSamples.Region(CrashNull, 0x7ffb9a7f7000)!.StatedKind, CoreSamples.Region(CrashNull, 0x7ffb9a7f7000).ThreadId));
        Assert.Equal(RegionKind.Guard, CoreSamples.Region(CrashNull, 0x7ffb9aff7000)!.StatedKind);
        Assert.Equal(RegionKind.Guard, CoreSamples.Region(CrashNull, 0x7ffb9a7f6000)!.StatedKind);
        Assert.Equal(RegionKind.Heap, CoreSamples.Region(CrashNull, 0x55a0820d9000)!.StatedKind);
        Assert.Equal(RegionKind.Unknown, CoreSamples.Region(CrashNull, 0x55a0787ae000)!.StatedKind);
    }

    [Fact]
    public void Auxv_strings_are_read_from_the_dumped_stack()
    {
        Assert.Equal(23 - 1, CrashNull.Auxv.Count);
        var execName = CrashNull.Auxv.Single(a => a.Name == "AT_EXECFN");
        Assert.Equal(0x7ffe5e594fdaUL, execName.Value);
        Assert.Equal("/opt/forensic/demo/crash_null", execName.Text);
        Assert.Equal("x86_64", CrashNull.Auxv.Single(a => a.Name == "AT_PLATFORM").Text);
        Assert.Equal(0x7ffb9ba70000UL, CrashNull.Auxv.Single(a => a.Name == "AT_SYSINFO_EHDR").Value);
    }

    [Fact]
    public void Notes_are_listed_with_their_counts()
    {
        Assert.Equal(
            ["CORE:NT_PRSTATUS x3", "CORE:NT_PRPSINFO x1", "CORE:NT_SIGINFO x1", "CORE:NT_AUXV x1", "CORE:NT_FILE x1",
             "CORE:NT_FPREGSET x3", "LINUX:NT_X86_XSTATE x3", "LINUX:NT_X86_XSAVE_LAYOUT x1"],
            CrashNull.Notes);
        Assert.Empty(CrashNull.Diagnostics.Items);
    }

    [Fact]
    public void Images_have_the_build_ids_eu_unstrip_prints()
    {
        Assert.Equal(
            [
                (0x55a0787a9000UL, 0x55a0787bd140UL, "ff6d56e99126dc0fcf819ca53eb6f78de7cc0020", 0x55a0787a9368UL, "/opt/forensic/demo/crash_null", true),
                (0x7ffb9b87c000UL, 0x7ffb9ba5df50UL, "93ac61ec5a8eb1396f9fbd350e3169a558528a40", 0x7ffb9b87c380UL, "/usr/lib/x86_64-linux-gnu/libc.so.6", false),
                (0x7ffb9ba70000UL, 0x7ffb9ba71542UL, "e17735e083bee5962b452ede4e28f9520fb75fa7", 0x7ffb9ba70604UL, "linux-vdso.so.1", false),
                (0x7ffb9ba72000UL, 0x7ffb9baa62d8UL, "7ebc65e52f2bbea498b4040fa92f7238377aaba9", 0x7ffb9ba72248UL, "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", false),
            ],
            CrashNull.Images.Select(i => (i.Base, i.End, i.BuildId, i.BuildIdAddress!.Value, i.Path, i.IsExecutable)));
        Assert.Equal("ld-linux-x86-64.so.2", CrashNull.Images[3].SoName);
    }

    [Fact]
    public void Abort_core_is_sigabrt_sent_by_the_process_itself()
    {
        var capture = CoreSamples.Import(CoreSamples.LocalCore("set-crash-abort", "core.xz"));
        Assert.Equal(27, capture.Regions.Count);
        Assert.Equal([(16776, 0x7fe61b2f4eecUL), (16777, 0x7fe61b33ddf2UL)], capture.Threads.Select(t => (t.Tid, t.ProgramCounter)));
        var signal = capture.Signal!;
        Assert.Equal((6, -6, 16776, (ulong?)null), (signal.Number, signal.Code, signal.SenderPid, signal.FaultAddress));
        Assert.Equal("crash_abort", capture.ProcessName);
    }
}

using Forensics.Importers.Containers.Systemd;
using Forensics.Importers.Detection;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Containers;

/// <summary>
/// <c>coredumpctl info</c> as people pasted it (corpus/public/text: fs-cli killed by SIGBUS, systemd 255 layout with
/// "Size on Disk"; badprogram's SIGSEGV), and the file names systemd-coredump gives its cores.
/// </summary>
public class CoredumpctlInfoParserTests
{
    private static CaptureBuilder Single(string file) =>
        Assert.Single(TextDocumentImporter.Import(File.ReadAllText(TestPaths.CorpusFile("public", "text", file))));

    [Fact]
    public void Fs_cli_record_gives_pid_signal_command_and_its_stack()
    {
        var capture = Single("MyBlackHole_coredumpctl_info_fs-cli.txt");
        Assert.Equal((CaptureFormat.Coredumpctl, "coredumpctl info", (2, 30)), (capture.Format, capture.Variant, capture.LineRange));
        Assert.Equal((588797, "fs-cli", "./fs-cli --version"), (capture.Pid, capture.ProcessName, capture.CommandLine));
        Assert.Equal((7, (ulong?)null), (capture.Signal!.Number, capture.Signal.FaultAddress));
        Assert.Equal(Architecture.X86_64, capture.Architecture);
        var thread = Assert.Single(capture.Threads);
        Assert.Equal((588797, 0x70ef250faf07UL, true), (thread.Tid, thread.ProgramCounter, thread.IsCrashing));
        Assert.Contains(new CaptureFact("Size on Disk", "60.5K"), capture.Facts);
        Assert.Contains(new CaptureFact("Boot ID", "1827be70bda44e3b9598c4aaf5ac32bc"), capture.Facts);
        var stack = capture.Facts.Single(f => f.Name == "Stack trace of thread 588797").Value.Split(" | ");
        Assert.Equal(8, stack.Length);
        Assert.Equal("#3  0x00005a03100f669a args_process (fs-cli + 0xb69a)", stack[3]);
    }

    [Fact]
    public void Badprogram_record_after_a_prompt_and_a_blank_line()
    {
        var capture = Single("ilmanzo_coredumpctl_info_badprogram.txt");
        Assert.Equal((4269, "badprogram", 11, (3, 27)), (capture.Pid, capture.ProcessName, capture.Signal!.Number, capture.LineRange));
        Assert.Equal(0x401152UL, Assert.Single(capture.Threads).ProgramCounter);
        Assert.Contains(new CaptureFact("Storage",
            "/var/lib/systemd/coredump/core.badprogram.1000.9d49cca5818645e4baacc1ddddd7a9e8.4269.1712308425000000.zst (present)"), capture.Facts);
        // No kernel line, so no mapping: the capture has no regions and no crash verdict can place the PC.
        Assert.Empty(capture.Regions);
    }

    [Fact]
    public void Kernel_line_of_the_same_pid_gives_the_fault_address_and_its_mapping()
    {
        // The record of fs-cli with the kernel's line for it appended, in the layout of arch/x86/mm/fault.c.
        var text = File.ReadAllText(TestPaths.CorpusFile("public", "text", "MyBlackHole_coredumpctl_info_fs-cli.txt"))
            + "fs-cli[588797]: segfault at 10 ip 000070ef250faf07 sp 00007ffc2a3b1e40 error 4 in libc.so.6[70ef2501c000+188000]\n";
        var capture = Assert.Single(CoredumpctlInfoParser.Parse(text));
        Assert.Equal((ulong?)0x10UL, capture.Signal!.FaultAddress);
        Assert.Equal(0x7ffc2a3b1e40UL, capture.Threads[0].StackPointer);
        var region = Assert.Single(capture.Regions);
        Assert.Equal((0x70ef2501c000UL, 0x70ef251a4000UL, "libc.so.6"), (region.Start, region.End, region.Name));
    }

    [Theory]
    [InlineData("core.segv\\x2esh.1000.35a2b597dc5a4a6ebe37fd3a7e97bd73.3252.1607261361000000.lz4", 3252, "segv.sh", "1607261361000000 (2020-12-06 13:29:21 UTC)")]
    [InlineData("core.python3.1000.a5660049602e418c9ed5d7737a890e5c.37144.1591710943000000000000.lz4", 37144, "python3", "1591710943000000000000")]
    public void Systemd_core_name_gives_pid_comm_uid_boot_id_and_time(string name, int pid, string comm, string timestamp)
    {
        var hint = FileNameHint.FromFileName(name);
        Assert.Equal((pid, comm), (hint.Pid, hint.ProcessName));
        Assert.Equal(
            [new("COREDUMP_UID", "1000"), new("COREDUMP_BOOT_ID", name.Split('.')[^4]), new("COREDUMP_TIMESTAMP", timestamp)],
            FileNameHint.SystemdFacts(name));
    }
}

using Forensics.Analysis.Crash;
using Forensics.Analysis;
using Forensics.Model;
using Forensics.Pipeline.Importing;
using Forensics.Reports;
using Forensics.TestSupport;

namespace Forensics.Pipeline.Tests;

/// <summary>
/// A folder as a mixed fleet leaves it: two apport reports (one with its core, one pasted without), five minidumps
/// (Breakpad with and without a crash, Breakpad with a maps stream, Breakpad of an x86 program, Crashpad of Chrome on
/// Linux), a coredumpctl paste, a core as systemd-coredump stored it, a plain core with the maps its program saved, and
/// an ABRT problem directory. One batch reads them all, each by its content, into one run; the parts of one process instance become
/// one capture with their disagreements listed.
/// </summary>
public sealed class MixedContainersTests : IDisposable
{
    private static readonly string SystemdName = StoredCoredump.Name;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "forensics-mixed-" + Guid.NewGuid().ToString("n"));

    public MixedContainersTests()
    {
        Directory.CreateDirectory(_folder);
        Copy(["public", "apport", "jammy_usr_bin_sleep.1000.crash"], "sleep.crash");
        Copy(["public", "minidumps", "rust-minidump", "linux-mini.dmp"], "linux-mini.dmp");
        Copy(["public", "minidumps", "lldb", "linux-x86_64_not_crashed.dmp"], "snapshot.dmp");
        Copy(["public", "text", "MyBlackHole_coredumpctl_info_fs-cli.txt"], "fs-cli.txt");
        Copy(["systemd-coredump", SystemdName], SystemdName);
        Copy(["public", "minidumps", "lldb", "linux-i386.dmp"], "linux-i386.dmp");
        var abrt = Path.Combine(_folder, "ccpp-2012-03-05-13:46:08-22031");
        Directory.CreateDirectory(abrt);
        foreach (var item in Directory.GetFiles(TestPaths.CorpusFile("public", "abrt", "upload-handling")))
            File.Copy(item, Path.Combine(abrt, Path.GetFileName(item)));
        Copy(["public", "apport", "ubuntu-forums_apt-get_12.04_i386.crash"], "apt-get.crash");
        Copy(["public", "minidumps", "lldb", "linux-x86_64.dmp"], "linux-x86_64.dmp");
        Copy(["public", "minidumps", "tast", "chrome.20210706.000145.15087.8090.dmp"], "chrome.dmp");
        Copy(["crash-abort", "core.xz"], "core.xz");
        Copy(["crash-abort", "maps.self"], "maps.self");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Copy(string[] parts, string name) => File.Copy(TestPaths.CorpusFile(parts), Path.Combine(_folder, name));

    [Fact]
    public void Every_container_is_read_into_one_run()
    {
        var run = Run();
        Assert.All(run.Inputs, input => Assert.Equal(InputStatus.Ok, input.Status));
        var byInput = run.Captures.ToDictionary(c => Path.GetFileName(c.Capture.InputPath));
        Assert.Equal(12, run.Inputs.Count);
        Assert.Equal(11, byInput.Count);
        Assert.Equal(
            [("apt-get.crash", CaptureFormat.Apport), ("ccpp-2012-03-05-13:46:08-22031", CaptureFormat.Abrt), ("chrome.dmp", CaptureFormat.Minidump),
             (SystemdName, CaptureFormat.Core), ("core.xz", CaptureFormat.Core), ("fs-cli.txt", CaptureFormat.Coredumpctl),
             ("linux-i386.dmp", CaptureFormat.Minidump), ("linux-mini.dmp", CaptureFormat.Minidump), ("linux-x86_64.dmp", CaptureFormat.Minidump), ("sleep.crash", CaptureFormat.Apport),
             ("snapshot.dmp", CaptureFormat.Minidump)],
            byInput.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value.Capture.Format)));

        // linux-mini.dmp faulted at 0x45, but its writer left si_code out, so the fault is not told apart from others.
        var mini = byInput["linux-mini.dmp"].Crash!;
        Assert.Equal((CrashVerdict.SegmentationFault, (ulong?)0x45UL, "SIGSEGV crash+0x1d72"), (mini.Verdict, mini.FaultAddress, ReportValues.Text(mini.Signature)));
        // apport's sleep was sent SIGSEGV by pid 27791: the core's siginfo says so, not the report's "Signal: 11".
        Assert.Equal((CrashVerdict.KilledByProcess, (int?)27791), (byInput["sleep.crash"].Crash!.Verdict, byInput["sleep.crash"].Crash!.SenderPid));
        Assert.Equal(CrashVerdict.NoCrash, byInput["snapshot.dmp"].Crash!.Verdict);
        // coredumpctl's record has no mapping to place a PC in: no verdict.
        Assert.Null(byInput["fs-cli.txt"].Crash);
        var core = byInput[SystemdName].Capture;
        Assert.Equal((StoredCoredump.Pid, CrashVerdict.NullPointerDereference), (core.Pid, byInput[SystemdName].Crash!.Verdict));
        // ABRT's sleep: a SIGSEGV in libc's nanosleep from a core of a kernel without siginfo.
        var abrt = byInput["ccpp-2012-03-05-13:46:08-22031"].Crash!;
        Assert.Equal((CrashVerdict.SegmentationFault, "SIGSEGV in libc.so.6+0xbbcd0"), (abrt.Verdict, ReportValues.Text(abrt.Signature)));
        Assert.Contains(new CaptureFact("COREDUMP_BOOT_ID", StoredCoredump.NameParts[3]), core.Facts);
        Assert.Contains(new CaptureFact("COREDUMP_UID", "65534"), core.Facts);
        // The x86 Breakpad dump: lldb's null write, placed in its executable.
        var i386 = byInput["linux-i386.dmp"];
        Assert.Equal((Architecture.X86, CrashVerdict.SegmentationFault, "SIGSEGV linux-i386+0x2a0"),
            (i386.Capture.Architecture, i386.Crash!.Verdict, ReportValues.Text(i386.Crash.Signature)));
    }

    [Fact]
    public void The_parts_of_one_instance_are_one_capture_with_their_disagreements_listed()
    {
        var byInput = Run().Captures.ToDictionary(c => Path.GetFileName(c.Capture.InputPath));

        // Two inputs, one process: crash_abort's kernel core and the maps it saved just before abort().
        var abort = byInput["core.xz"].Capture;
        Assert.Equal(["core.xz", "maps.self:1-25"], abort.MergedInputs.Select(Path.GetFileName));
        Assert.Equal((29013, CrashVerdict.Abort), (abort.Pid, byInput["core.xz"].Crash!.Verdict));
        // One input, two parts: apport's maps and core agree; ABRT's maps and core name 11 ranges differently and
        // disagree on the stack's extent: 13 disagreements, each a diagnostic naming both parts.
        Assert.DoesNotContain(byInput["sleep.crash"].Capture.Diagnostics.Items, d => d.Id.StartsWith("FX502", StringComparison.Ordinal));
        var abrt = byInput["ccpp-2012-03-05-13:46:08-22031"].Capture.Diagnostics.Items;
        Assert.Equal((11, 1, 1), (abrt.Count(d => d.Id == "FX5023"), abrt.Count(d => d.Id == "FX5021"), abrt.Count(d => d.Id == "FX5020")));
        // A minidump's module list and its maps stream: one module per file, the old 2 MiB-gap layout included.
        var breakpad = byInput["linux-x86_64.dmp"].Capture;
        Assert.Equal(9, breakpad.Modules.Count);
        Assert.DoesNotContain(breakpad.Modules, m => m.Name.Contains('#', StringComparison.Ordinal));
        Assert.DoesNotContain(breakpad.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.MinidumpModuleOutsideMaps);
        // A report pasted without its core still places its PC, from apport-retrace's Registers.
        Assert.Equal("SIGSEGV libapt-pkg.so.4.12.0+0xd6281", ReportValues.Text(byInput["apt-get.crash"].Crash!.Signature));
        Assert.Equal(("crashpad", "chrome", 18), (byInput["chrome.dmp"].Capture.Variant, byInput["chrome.dmp"].Capture.ProcessName, byInput["chrome.dmp"].Capture.Threads.Count));
    }

    private AnalysisRun Run()
    {
        var options = new PipelineOptions { Jobs = 1 };
        var inputs = AnalysisPipeline.List([_folder], options.Import);
        return AnalysisPipeline.Run(inputs, options, new SilentProgress(), new PhaseTimings());
    }
}

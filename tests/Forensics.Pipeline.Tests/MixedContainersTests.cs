using Forensics.Analysis.Crash;
using Forensics.Analysis;
using Forensics.Model;
using Forensics.Pipeline.Importing;
using Forensics.Reports;
using Forensics.TestSupport;

namespace Forensics.Pipeline.Tests;

/// <summary>
/// A folder as a mixed fleet leaves it: an apport report, two minidumps, a coredumpctl paste, a kernel core under
/// its systemd-coredump name and an ABRT problem directory. One batch reads them all, each by its content, into one run.
/// </summary>
public sealed class MixedContainersTests : IDisposable
{
    private const string SystemdName = "core.crash_null.1000.1827be70bda44e3b9598c4aaf5ac32bc.28823.1717652311000000.xz";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "forensics-mixed-" + Guid.NewGuid().ToString("n"));

    public MixedContainersTests()
    {
        Directory.CreateDirectory(_folder);
        Copy(["public", "apport", "jammy_usr_bin_sleep.1000.crash"], "sleep.crash");
        Copy(["public", "minidumps", "rust-minidump", "linux-mini.dmp"], "linux-mini.dmp");
        Copy(["public", "minidumps", "lldb", "linux-x86_64_not_crashed.dmp"], "snapshot.dmp");
        Copy(["public", "text", "MyBlackHole_coredumpctl_info_fs-cli.txt"], "fs-cli.txt");
        Copy(["crash-null", "core.xz"], SystemdName);
        var abrt = Path.Combine(_folder, "ccpp-2012-03-05-13:46:08-22031");
        Directory.CreateDirectory(abrt);
        foreach (var item in Directory.GetFiles(TestPaths.CorpusFile("public", "abrt", "upload-handling")))
            File.Copy(item, Path.Combine(abrt, Path.GetFileName(item)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Copy(string[] parts, string name) => File.Copy(TestPaths.CorpusFile(parts), Path.Combine(_folder, name));

    [Fact]
    public void Every_container_is_read_into_one_run()
    {
        var run = Run();
        Assert.All(run.Inputs, input => Assert.Equal(InputStatus.Ok, input.Status));
        var byInput = run.Captures.ToDictionary(c => Path.GetFileName(c.Capture.InputPath));
        Assert.Equal(6, byInput.Count);
        Assert.Equal(
            [("ccpp-2012-03-05-13:46:08-22031", CaptureFormat.Abrt), (SystemdName, CaptureFormat.Core), ("fs-cli.txt", CaptureFormat.Coredumpctl), ("linux-mini.dmp", CaptureFormat.Minidump),
             ("sleep.crash", CaptureFormat.Apport), ("snapshot.dmp", CaptureFormat.Minidump)],
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
        Assert.Equal((28823, CrashVerdict.NullPointerDereference), (core.Pid, byInput[SystemdName].Crash!.Verdict));
        // ABRT's sleep: a SIGSEGV in libc's nanosleep from a core of a kernel without siginfo.
        var abrt = byInput["ccpp-2012-03-05-13:46:08-22031"].Crash!;
        Assert.Equal((CrashVerdict.SegmentationFault, "SIGSEGV in libc.so.6+0xbbcd0"), (abrt.Verdict, ReportValues.Text(abrt.Signature)));
        Assert.Contains(new CaptureFact("COREDUMP_BOOT_ID", "1827be70bda44e3b9598c4aaf5ac32bc"), core.Facts);
    }

    private AnalysisRun Run()
    {
        var options = new PipelineOptions { Jobs = 1 };
        var inputs = AnalysisPipeline.List([_folder], options.Import);
        return AnalysisPipeline.Run(inputs, options, new SilentProgress(), new PhaseTimings());
    }
}

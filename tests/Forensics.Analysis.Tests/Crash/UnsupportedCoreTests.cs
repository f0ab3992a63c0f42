using Forensics.Analysis.Crash;
using Forensics.Importers.Core;
using Forensics.Importers.Normalisation;
using Forensics.Model;
using Forensics.Reports;
using Forensics.TestSupport;

namespace Forensics.Analysis.Tests.Crash;

/// <summary>Cores the tool cannot analyse get no verdict and no findings; an x32 core is analysed like any other.</summary>
public sealed class UnsupportedCoreTests
{
    private static CaptureAnalysis AnalysisOf(params string[] corpusPath)
    {
        var path = TestPaths.CorpusFile(["public", "cores", .. corpusPath]);
        var builtCapture = CoreImporter.Import(new MemoryStream(SampleFile.ReadAllBytes(path), writable: false), path);
        var capture = CaptureNormalizer.Normalize(builtCapture);
        return CaptureAnalyzer.Analyze(capture, [capture]);
    }

    [Theory]
    [InlineData("lldb", "netbsd-core", "1lwp_SIGSEGV.amd64.core")]
    [InlineData("elfutils", "testfile62.bz2")]
    [InlineData("elfutils", "backtrace.aarch64.core.bz2")]
    public void Core_of_another_system_machine_or_a_kernel_has_no_verdict_and_no_findings(params string[] path)
    {
        var analysis = AnalysisOf(path);
        Assert.NotNull(analysis.Capture.UnsupportedReason);
        Assert.Null(analysis.Crash);
        // Before, the NetBSD core had three injected-shellcode findings and the vmcore a "thread-stack" of 1.9 GB.
        Assert.Empty(analysis.Findings);
        // Kinds read a Linux process layout; none is concluded here (the vmcore's 1.9 GB region is no thread stack).
        Assert.All(analysis.Capture.Regions, r => Assert.Equal(RegionKind.Unknown, r.Kind));
    }

    [Fact]
    public void X32_segfault_is_a_wild_pointer_not_a_snapshot()
    {
        var crash = AnalysisOf("elfutils", "testfile-x32-core.bz2").Crash!;
        Assert.Equal(CrashVerdict.WildPointer, crash.Verdict);
        Assert.Equal((6885, (ulong?)0x12345678UL, "SIGSEGV a.out+0x380"), (crash.CrashingThreadId, crash.FaultAddress, ReportValues.Text(crash.Signature)));
    }

    [Fact]
    public void X32_abort_names_the_thread_that_raised_it()
    {
        var crash = AnalysisOf("elfutils", "backtrace.x32.core.bz2").Crash!;
        Assert.Equal(CrashVerdict.Abort, crash.Verdict);
        Assert.Equal((3843, (int?)3842, "SIGABRT backtrace.x32.exe+0xb2a2"), (crash.CrashingThreadId, crash.SenderPid, ReportValues.Text(crash.Signature)));
    }
}

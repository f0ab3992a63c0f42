using Forensics.Analysis.Crash;
using Forensics.Importers.Core;
using Forensics.Importers.Normalisation;
using Forensics.Model;
using Forensics.Reports;
using Forensics.TestSupport;

namespace Forensics.Analysis.Tests.Crash;

/// <summary>
/// The corpus .NET program (corpus/dotnet) throws System.InvalidOperationException on its main thread and nobody
/// catches it; the runtime prints it (program.stderr) and aborts. The exception is the verdict, the SIGABRT its evidence.
/// </summary>
public sealed class ManagedCrashTests
{
    private static readonly Lazy<CaptureAnalysis> Dotnet = new(() =>
    {
        var capture = DotnetCore.Load("dotnet", "dotnet-crash.core.xz");
        return CaptureAnalyzer.Analyze(capture, [capture]);
    });

    [Fact]
    public void Unhandled_exception_is_the_verdict_and_the_signature()
    {
        var crash = Dotnet.Value.Crash!;
        Assert.Equal(CrashVerdict.UnhandledManagedException, crash.Verdict);
        Assert.Equal("System.InvalidOperationException at DotnetCrash.Program.Fail", ReportValues.Text(crash.Signature));
        Assert.Equal(
            "Unhandled .NET exception System.InvalidOperationException (\"forensics corpus: unhandled exception after mapping rwx memory\") "
            + "on managed thread 1 (OS thread 20160), thrown by DotnetCrash.Program.Fail; the runtime then aborted the process (SIGABRT).",
            ReportValues.Text(crash.Summary));
    }

    [Fact]
    public void The_abort_signal_stays_as_evidence()
    {
        var crash = Dotnet.Value.Crash!;
        Assert.Equal(("SIGABRT", 20160), (crash.SignalName, crash.CrashingThreadId));
        // createdump's siginfo: the signal number, and no si_code or sender it never filled in (docs/formats.md#createdump-cores).
        Assert.Equal("signal 6 (SIGABRT); si_code, the fault address and the sender are unknown: createdump wrote the siginfo with no si_code (it records the signal number, and si_code and the fault address only where the runtime passed them; never the sender)", ReportValues.Text(crash.Evidence[0]));
        Assert.Contains(crash.Evidence, e => ReportValues.Text(e).StartsWith(
            "managed thread 1 (OS thread 20160) has System.InvalidOperationException in flight, thrown by DotnetCrash.Program.Fail", StringComparison.Ordinal));
    }

    [Fact]
    public void A_native_abort_without_a_managed_runtime_stays_an_abort()
    {
        var path = TestPaths.CorpusFile("crash-abort", "core.xz");
        var builtCapture = CoreImporter.Import(new MemoryStream(SampleFile.ReadAllBytes(path), writable: false), path);
        var capture = CaptureNormalizer.Normalize(builtCapture);
        Assert.Equal(CrashVerdict.Abort, CaptureAnalyzer.Analyze(capture, [capture]).Crash!.Verdict);
    }
}

using Forensics.Analysis.Crash;
using Forensics.Analysis;
using Forensics.Importers.Normalisation;
using Forensics.Model;
using Forensics.Pipeline.Importing;
using Forensics.Reports;
using Forensics.TestSupport;

namespace Forensics.Pipeline.Tests.Importing;

/// <summary>
/// <c>corpus/crash-assert</c>: a program whose assert() failed (gdb's oracle: <c>__assert_fail</c> at
/// <c>crash_assert.c:10</c> in <c>checked_length</c>, then <c>abort</c>). glibc keeps the message it printed in
/// <c>__abort_msg</c>, and that message, not the SIGABRT, is the verdict. libc's symbols (to find <c>__abort_msg</c>) come
/// from the backtrace sysroot, which holds the libc of the machine that made both.
/// </summary>
public sealed class AssertionCoreTests
{
    [Fact]
    public void A_failed_assert_is_the_verdict_with_the_message_glibc_kept()
    {
        var result = new InputImporter(new ImportOptions { SymbolDirectories = [BacktraceBinaries.Sysroot], UseModulePaths = false })
            .ImportInput(TestPaths.CorpusFile("crash-assert", "core.xz"), "crash-assert/core.xz");
        Assert.Equal(InputStatus.Ok, result.Record.Status);
        var capture = Assert.Single(result.Captures);
        const string message = "crash_assert: crash_assert.c:10: checked_length: Assertion `text != NULL && \"a name is required\"' failed.";

        Assert.Equal(message, capture.AbortMessage);
        var crash = CaptureAnalyzer.Analyze(CaptureNormalizer.Normalize(capture), []).Crash!;
        Assert.Equal(CrashVerdict.AssertionFailed, crash.Verdict);
        Assert.Equal("Assertion failed: " + message + " — glibc's assert() then aborted the process (SIGABRT).", ReportValues.Text(crash.Summary));
        Assert.Equal(6, crash.SignalNumber);
        Assert.Equal(-6, crash.SignalCode);
        Assert.Equal(18382, capture.Pid);
    }
}

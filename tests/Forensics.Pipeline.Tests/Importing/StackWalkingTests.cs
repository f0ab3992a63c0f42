using Forensics.Analysis.Crash;
using Forensics.Analysis;
using Forensics.Importers.Normalisation;
using Forensics.Model;
using Forensics.Pipeline.Importing;
using Forensics.Reports;
using Forensics.TestSupport;

namespace Forensics.Pipeline.Tests.Importing;

/// <summary>
/// The importer walks every core's threads after reading it, compressed or not, with the files <c>--symbols</c>
/// points at; the crash signature and glibc's abort message come from that walk.
/// </summary>
public class StackWalkingTests
{
    private static Capture Import(string set, bool withSymbols)
    {
        var options = new ImportOptions
        {
            SymbolDirectories = withSymbols ? [BacktraceBinaries.Sysroot] : [],
            UseModulePaths = false,
        };
        var result = new InputImporter(options).ImportInput(TestPaths.CorpusFile("backtrace", set, "core.xz"), $"backtrace/{set}/core.xz");
        Assert.Equal(InputStatus.Ok, result.Record.Status);
        return CaptureNormalizer.Normalize(Assert.Single(result.Captures));
    }

    [Theory]
    [InlineData("lib-null", "SIGSEGV in libnull_read_value ← main")]
    [InlineData("omit-fp-abort", "SIGABRT in third ← second ← first")]
    [InlineData("cpp-throw", "SIGABRT in long inventory::checked_quantity<long>(long) ← inventory::Ledger::post(long) ← main")]
    [InlineData("double-free", "SIGABRT in free ← release ← main")]
    [InlineData("deep-recursion", "SIGSEGV in recurse ×7938 ← main")]
    [InlineData("i386-null", "SIGSEGV in store ← main")]
    public void The_signature_names_the_frames_past_the_abort_machinery(string set, string signature)
    {
        var capture = Import(set, withSymbols: true);
        Assert.Equal(signature, ReportValues.Text(CaptureAnalyzer.Analyze(capture, []).Crash!.Signature));
    }

    [Fact]
    public void Without_symbols_the_signature_is_module_and_offset_of_the_same_frames()
    {
        var capture = Import("lib-null", withSymbols: false);
        Assert.Equal("SIGSEGV in libnull.so+0x1105 ← lib_null+0x1147", ReportValues.Text(CaptureAnalyzer.Analyze(capture, []).Crash!.Signature));
    }

    [Fact]
    public void An_i386_abort_is_signed_from_the_frame_below_the_vdsos_system_call_entry()
    {
        // elfutils' backtrace.i386 core: raise's tgkill enters the kernel through __kernel_vsyscall, named from the vDSO
        // the core holds; the static executable is not at hand, so its frames are module+offset.
        var result = new InputImporter(new ImportOptions { UseModulePaths = false }).ImportInput(
            TestPaths.CorpusFile("public", "cores", "elfutils", "backtrace.i386.core.bz2"), "public/cores/elfutils/backtrace.i386.core.bz2");
        var capture = CaptureNormalizer.Normalize(Assert.Single(result.Captures));
        Assert.Equal("__kernel_vsyscall", capture.Threads.Single(t => t.IsCrashing).Frames[0].Function);
        Assert.Equal("SIGABRT in backtrace.i386.exec+0xa207 ← backtrace.i386.exec+0x1b84 ← backtrace.i386.exec+0x1ba0",
            ReportValues.Text(CaptureAnalyzer.Analyze(capture, []).Crash!.Signature));
    }

    [Fact]
    public void The_double_free_shows_glibcs_abort_message()
    {
        var capture = Import("double-free", withSymbols: true);
        Assert.Equal("free(): double free detected in tcache 2", capture.AbortMessage);
        var crash = CaptureAnalyzer.Analyze(capture, []).Crash!;
        Assert.Equal("free(): double free detected in tcache 2", crash.AbortMessage);
        Assert.Contains("glibc's abort message (__abort_msg): free(): double free detected in tcache 2", crash.Evidence.Select(e => ReportValues.Text(e)));
        // The message names the cause: the verdict, with the signal as its evidence.
        Assert.Equal(CrashVerdict.LibcDetectedError, crash.Verdict);
        Assert.Equal("glibc found the program at fault and aborted it (SIGABRT): free(): double free detected in tcache 2", ReportValues.Text(crash.Summary));
        // A plain abort() leaves __abort_msg null, and stays an abort.
        var plain = Import("omit-fp-abort", withSymbols: true);
        Assert.Null(plain.AbortMessage);
        Assert.Equal(CrashVerdict.Abort, CaptureAnalyzer.Analyze(plain, []).Crash!.Verdict);
    }

    [Fact]
    public void A_compressed_i386_core_is_read_whole_and_walked()
    {
        var thread = Import("i386-null", withSymbols: true).Threads.Single();
        Assert.Equal([0x565ca190UL, 0x565ca1acUL], thread.Frames.Take(2).Select(f => f.ProgramCounter));
        Assert.Equal(UnwindMethod.Cfi, thread.Frames[1].Method);
    }

    [Fact]
    public void The_symbol_folders_are_part_of_the_kept_results_key()
    {
        var without = new ImportOptions { UseModulePaths = false }.ToString();
        var with = new ImportOptions { UseModulePaths = false, SymbolDirectories = ["/srv/symbols"] }.ToString();
        Assert.NotEqual(without, with);
        Assert.Contains("SymbolSearch = /srv/symbols", with, StringComparison.Ordinal);
    }
}

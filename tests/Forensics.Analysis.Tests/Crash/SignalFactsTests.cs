using System.Buffers.Binary;
using Forensics.Analysis.Crash;
using Forensics.Importers.Containers.Minidump;
using Forensics.Importers.Core;
using Forensics.Importers.Normalisation;
using Forensics.Model;
using Forensics.Reports;
using Forensics.TestSupport;

namespace Forensics.Analysis.Tests.Crash;

/// <summary>Signal facts come only from where the core records them; a snapshot has no crashing thread.</summary>
public sealed class SignalFactsTests
{
    private const uint NtSigInfo = 0x53494749;

    private static CrashReport CrashOf(byte[] core, string path)
    {
        var builtCapture = CoreImporter.Import(new MemoryStream(core, writable: false), path);
        var capture = CaptureNormalizer.Normalize(builtCapture);
        return CaptureAnalyzer.Analyze(capture, [capture]).Crash!;
    }

    /// <summary>
    /// The kernel core with its NT_SIGINFO note made a note of an unknown type: the core a kernel before 3.7 wrote for
    /// the same crash, whose NT_PRSTATUS pr_info holds the signal number and zeros.
    /// </summary>
    private static byte[] WithoutSigInfo(params string[] corpusPath)
    {
        var core = SampleFile.ReadAllBytes(TestPaths.CorpusFile(corpusPath));
        var programHeaders = (int)BinaryPrimitives.ReadUInt64LittleEndian(core.AsSpan(0x20));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(core.AsSpan(0x38));
        var renamed = 0;
        for (var index = 0; index < count; index++)
        {
            var header = core.AsSpan(programHeaders + (index * 56));
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != 4)
                continue;
            var offset = (int)BinaryPrimitives.ReadUInt64LittleEndian(header[8..]);
            var end = offset + (int)BinaryPrimitives.ReadUInt64LittleEndian(header[32..]);
            while (offset + 12 <= end)
            {
                var nameSize = BinaryPrimitives.ReadInt32LittleEndian(core.AsSpan(offset));
                var descriptorSize = BinaryPrimitives.ReadInt32LittleEndian(core.AsSpan(offset + 4));
                if (BinaryPrimitives.ReadUInt32LittleEndian(core.AsSpan(offset + 8)) == NtSigInfo)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(core.AsSpan(offset + 8), 0x7fff0001);
                    renamed++;
                }
                offset += 12 + ((nameSize + 3) & ~3) + ((descriptorSize + 3) & ~3);
            }
        }
        Assert.Equal(1, renamed);
        return core;
    }

    [Fact]
    public void A_segfault_core_without_siginfo_has_an_unknown_cause_and_no_invented_code()
    {
        var crash = CrashOf(WithoutSigInfo("crash-null", "core.xz"), "crash-null/core");

        Assert.Equal(CrashVerdict.SegmentationFault, crash.Verdict);
        Assert.Equal("SIGSEGV at crash_null+0x1416; cause unknown: the core has no siginfo.", ReportValues.Text(crash.Summary));
        Assert.Equal(("SIGSEGV", (int?)null, (string?)null, (ulong?)null, (int?)null),
            (crash.SignalName, crash.SignalCode, crash.SignalCodeName, crash.FaultAddress, crash.SenderPid));
        Assert.Equal(28823, crash.CrashingThreadId);
        Assert.Equal("SIGSEGV crash_null+0x1416", ReportValues.Text(crash.Signature));
        Assert.Contains(crash.Evidence, e => ReportValues.Text(e).StartsWith("the PC is in executable memory", StringComparison.Ordinal));
    }

    [Fact]
    public void A_kill_without_siginfo_is_not_said_to_be_sent_by_a_process()
    {
        // The kernel core of a process that got SIGSEGV from /bin/kill: only NT_SIGINFO said so.
        var crash = CrashOf(WithoutSigInfo("killed-by-signal", "core.xz"), "killed-by-signal/core");

        Assert.Equal(CrashVerdict.SegmentationFault, crash.Verdict);
        Assert.Null(crash.SenderPid);
        Assert.DoesNotContain("sent", ReportValues.Text(crash.Summary), StringComparison.Ordinal);
        Assert.EndsWith("cause unknown: the core has no siginfo.", ReportValues.Text(crash.Summary), StringComparison.Ordinal);
    }

    [Fact]
    public void A_trap_from_the_kernel_has_no_fault_address()
    {
        // SIGTRAP with SI_KERNEL (an int3 breakpoint): si_addr is 0 and means nothing.
        var core = new ElfCoreBuilder().PrStatus(4242, 5, 0x401000, 0x7ffc0000).SigInfo(5, 0x80, 0)
            .Segment(0x400000, 0x2000, 5).Segment(0x7ffb0000, 0x20000, 6).Build();

        var crash = CrashOf(core, "trap.core");

        Assert.Equal(("SIGTRAP", (ulong?)null, (string?)null), (crash.SignalName, crash.FaultAddress, ReportValues.Text(crash.FaultLocation)));
    }

    [Theory]
    [InlineData(31163, "dotnet-overflow", "core.xz")]
    [InlineData(20160, "dotnet", "dotnet-crash.core.xz")]
    public void A_createdump_siginfo_gives_the_signal_and_no_sender_or_code_it_never_filled_in(int crashingThread, params string[] corpusPath)
    {
        // createdump fills siginfo_t from --signal, --code, --errno and --address (0 when the runtime passed none) and never
        // si_pid: its si_code 0 and si_pid 0 are not kill() from pid 0 (gdb prints $_siginfo 6, 0, 0x0, 0 for both cores).
        var builtCapture = CoreImporter.Import(new MemoryStream(SampleFile.ReadAllBytes(TestPaths.CorpusFile(corpusPath)), writable: false), string.Join('/', corpusPath));
        var capture = CaptureNormalizer.Normalize(builtCapture);
        var crash = CaptureAnalyzer.Analyze(capture, [capture]).Crash!;

        Assert.Equal("createdump core", capture.Variant);
        Assert.Equal(("SIGABRT", (int?)null, (string?)null, (ulong?)null, (int?)null, (int?)crashingThread),
            (crash.SignalName, crash.SignalCode, crash.SignalCodeName, crash.FaultAddress, crash.SenderPid, crash.CrashingThreadId));
        Assert.Equal((6, (int?)null, (int?)null, (int?)null, (int?)null), (capture.Signal!.Number, capture.Signal.Code, capture.Signal.Errno, capture.Signal.SenderPid, capture.Signal.SenderUid));
        var signal = ReportValues.Text(crash.Evidence[0]);
        Assert.StartsWith("signal 6 (SIGABRT); si_code, the fault address and the sender are unknown: createdump wrote the siginfo with no si_code", signal, StringComparison.Ordinal);
        Assert.DoesNotContain(crash.Evidence, e => ReportValues.Text(e).Contains("sent by", StringComparison.Ordinal));
        Assert.DoesNotContain("pid 0", ReportValues.Text(crash.Summary), StringComparison.Ordinal);
    }

    [Fact]
    public void A_minidumps_sigabrt_has_no_fault_address()
    {
        // tast's Breakpad dump of an abort(): the exception record holds SIGABRT, flags 0 and address 0.
        using var input = File.OpenRead(TestPaths.CorpusFile("public", "minidumps", "tast", "abort.20180103.145440.12345.20827.dmp"));
        var capture = CaptureNormalizer.Normalize(MinidumpImporter.Import(input, "abort.20180103.145440.12345.20827.dmp"));
        var crash = CaptureAnalyzer.Analyze(capture, [capture]).Crash!;

        Assert.Equal(("SIGABRT", (ulong?)null, (ulong?)null, false), (crash.SignalName, capture.Signal!.FaultAddress, crash.FaultAddress, crash.FaultLocation is not null));
        Assert.DoesNotContain(crash.Evidence, e => ReportValues.Text(e).Contains("fault address 0x", StringComparison.Ordinal));
        Assert.Equal(20827, crash.CrashingThreadId);
    }

    [Fact]
    public void A_minidump_without_si_code_says_what_its_exception_stream_gives()
    {
        // rust-minidump's linux-mini.dmp: the exception stream holds SIGSEGV, flags 0 (no si_code) and the fault address 0x45.
        using var input = File.OpenRead(TestPaths.CorpusFile("public", "minidumps", "rust-minidump", "linux-mini.dmp"));
        var capture = CaptureNormalizer.Normalize(MinidumpImporter.Import(input, "linux-mini.dmp"));
        var crash = CaptureAnalyzer.Analyze(capture, [capture]).Crash!;

        Assert.Equal("SIGSEGV at crash+0x1d72; cause unknown: the minidump records no si_code.", ReportValues.Text(crash.Summary));
        Assert.Equal(((int?)null, (ulong?)0x45UL, 1304), (crash.SignalCode, crash.FaultAddress, crash.CrashingThreadId));
        Assert.Contains(crash.Evidence, e => ReportValues.Text(e).StartsWith(
            "the minidump's exception stream gives the signal and its fault address but no si_code", StringComparison.Ordinal));
        Assert.DoesNotContain(crash.Evidence, e => ReportValues.Text(e).Contains("core", StringComparison.Ordinal));
    }

    [Fact]
    public void A_minidumps_thread_stack_from_its_thread_list_is_where_its_sp_reads()
    {
        // lldb's linux-i386.dmp: no [stack] in its maps stream; thread 157700's stack memory names 0xff9be000-0xff9df000.
        using var input = File.OpenRead(TestPaths.CorpusFile("public", "minidumps", "lldb", "linux-i386.dmp"));
        var capture = CaptureNormalizer.Normalize(MinidumpImporter.Import(input, "linux-i386.dmp"));
        var thread = Assert.Single(CaptureAnalyzer.Analyze(capture, [capture]).Crash!.Threads);

        Assert.Equal((0xff9dd52cUL, "stack 0xff9be000+0x1f52c", (RegionKind?)RegionKind.Stack),
            (thread.StackPointer, ReportValues.Text(thread.StackPointerLocation), thread.StackPointerKind));
    }

    [Theory]
    [InlineData("sets", "set-dotnet", "createdump-triage.core.xz")]
    [InlineData("live", "gcore.core.xz")]
    [InlineData("sets", "set-hello", "gcore.core.xz")]
    public void A_snapshot_has_no_crashing_thread(params string[] corpusPath)
    {
        var crash = CrashOf(SampleFile.ReadAllBytes(TestPaths.CorpusFile(corpusPath)), string.Join('/', corpusPath));

        Assert.Equal(CrashVerdict.NoCrash, crash.Verdict);
        Assert.Null(crash.CrashingThreadId);
        Assert.NotEmpty(crash.Threads);
        Assert.DoesNotContain(crash.Threads, t => t.IsCrashing);
    }
}

using Forensics.Analysis.Crash;
using Forensics.Importers.Core;
using Forensics.Importers.Normalisation;
using Forensics.Model;
using Forensics.Reports;
using Forensics.TestSupport;

namespace Forensics.Analysis.Tests.Crash;

/// <summary>Where a PC, SP or fault address is: the region that holds it decides, module+offset only in a module's own region.</summary>
public sealed class AddressLocationTests
{
    private static (Capture Capture, CrashReport Crash) Analyse(params string[] corpusPath)
    {
        var bytes = SampleFile.ReadAllBytes(TestPaths.CorpusFile(corpusPath));
        var builtCapture = CoreImporter.Import(new MemoryStream(bytes, writable: false), string.Join('/', corpusPath));
        var capture = CaptureNormalizer.Normalize(builtCapture);
        return (capture, CaptureAnalyzer.Analyze(capture, [capture]).Crash!);
    }

    [Fact]
    public void A_thread_stack_in_the_hole_between_old_ld_so_segments_is_the_thread_stack_not_ld_so()
    {
        // ld-2.24.so's text is at 0x7fc294dff000 and its data below 0x7fc295026000, with a hole between them that the
        // thread stacks filled; the SPs are in those stacks. The core does not hold ld.so's header page, so no module's
        // range covers the stacks: its text and its data are two places.
        var (capture, crash) = Analyse("public", "cores", "lldb", "elf-core", "thread_crash", "linux-x86_64.core");

        var crashing = crash.Threads[0];
        Assert.Equal((5250, 0x7fc29434a53fUL, "libpthread-2.24.so+0x1153f"), (crashing.Tid, crashing.ProgramCounter, ReportValues.Text(crashing.ProgramCounterLocation)));
        Assert.Equal((0x7fc295016de8UL, "thread-stack 0x7fc295011000+0x5de8", (RegionKind?)RegionKind.ThreadStack),
            (crashing.StackPointer, ReportValues.Text(crashing.StackPointerLocation), crashing.StackPointerKind));
        var other = Assert.Single(crash.Threads, t => t.Tid == 5249);
        Assert.Equal(("a.out+0xcec", "thread-stack 0x7fc295019000+0x5e30"), (ReportValues.Text(other.ProgramCounterLocation), ReportValues.Text(other.StackPointerLocation)));
        Assert.Contains("SP 0x7fc295016de8 in thread-stack 0x7fc295011000+0x5de8", crash.Evidence.Select(e => ReportValues.Text(e)).Single(e => e.StartsWith("thread 5250", StringComparison.Ordinal)), StringComparison.Ordinal);

        // Without the header page p_memsz is unknown too, so the anonymous page after ld.so's data is not counted.
        Assert.Equal([(0x7fc294dff000UL, 0x7fc294e24000UL), (0x7fc295023000UL, 0x7fc295025000UL)],
            capture.Modules.Where(m => m.Name.StartsWith("ld-2.24.so", StringComparison.Ordinal)).Select(m => (m.Base, m.End)));
        Assert.Null(capture.FindRegion(0x7fc295016de8)!.Module);
    }

    [Fact]
    public void Dotnet_thread_stacks_are_thread_stacks_not_an_assembly_mapped_twice()
    {
        // The createdump core of set-dotnet: System.Collections.dll is mapped whole at 0x7f92e1376000 and as an image at
        // 0x7f92e4d60000; the worker threads' stacks lie between the two (a triage dump holds only the used top of each
        // stack, 0x7f92e3c0e000-0x7f92e3c10000 for the first, so the regions start near the SPs).
        var (_, crash) = Analyse("sets", "set-dotnet", "createdump-triage.core.xz");

        Assert.Equal(
            [
                (16874, "thread-stack 0x7f92e3c0e000+0xde0"),
                (16875, "thread-stack 0x7f92e340d000+0xca0"),
                (16876, "thread-stack 0x7f92e2c0c000+0xbb0"),
                (16877, "thread-stack 0x7f92e240b000+0xa00"),
                (16878, "thread-stack 0x7f92e1be5000+0x730"),
            ],
            crash.Threads.Where(t => t.Tid is >= 16874 and <= 16878).Select(t => (t.Tid, ReportValues.Text(t.StackPointerLocation))));
        Assert.All(crash.Threads, t => Assert.DoesNotContain(".dll+", ReportValues.Text(t.StackPointerLocation), StringComparison.Ordinal));
    }

    [Fact]
    public void A_non_pie_crash_is_located_in_its_one_executable_module()
    {
        var (capture, crash) = Analyse("public", "cores", "pystack", "segfault.core");

        Assert.Equal(("a.out+0x4c7", "SIGSEGV a.out+0x4c7", "unmapped"),
            (ReportValues.Text(crash.Threads[0].ProgramCounterLocation), ReportValues.Text(crash.Signature), ReportValues.Text(crash.FaultLocation)));
        Assert.DoesNotContain(capture.Modules, m => m.Name.Contains('#', StringComparison.Ordinal));
    }
}

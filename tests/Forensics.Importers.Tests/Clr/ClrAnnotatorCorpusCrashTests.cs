using Forensics.Importers.Clr;
using Forensics.Model;
using Microsoft.Diagnostics.Runtime;

namespace Forensics.Importers.Tests.Clr;

/// <summary>
/// The corpus .NET program (corpus/dotnet/src/DotnetCrash) that maps RWX memory itself and dies of an unhandled
/// exception, its createdump core imported by the core importer, normalised, then annotated.
/// </summary>
public sealed class ClrAnnotatorCorpusCrashTests(DotnetCrashDump dump) : IClassFixture<DotnetCrashDump>
{
    private const string ExceptionMessage = "forensics corpus: unhandled exception after mapping rwx memory";

    [Fact]
    public void The_exception_in_flight_is_on_the_crashing_main_thread()
    {
        Assert.Equal(20160UL, dump.Info["pid"]);
        var threads = dump.Capture.Runtime!.Threads;
        Assert.Equal(
            [
                new ManagedThread(20160, 1, false, false, "System.InvalidOperationException", ExceptionMessage, "DotnetCrash.Program.Fail"),
                new ManagedThread(20165, 2, true, false, null, null),
                new ManagedThread(20166, 3, false, false, null, null),
            ],
            threads.Select(t => t with { Stack = null }));
        // The thread with the exception keeps its managed frames, innermost first.
        Assert.Equal(2, threads[0].Stack!.FrameCount);
        Assert.Null(threads[1].Stack);
        Assert.Equal("10.0.12", dump.Capture.Runtime.Version);
    }

    [Fact]
    public void The_pinned_block_the_program_printed_lies_in_the_gen0_region()
    {
        var region = dump.Capture.FindRegion(dump.Info["block_data"])!;

        Assert.Equal(0x7f7db580cca0UL, dump.Info["block_data"]);
        Assert.Equal((0x7f7db5800000UL, 0x7f7db5831000UL), (region.Start, region.End));
        Assert.Equal("gc-heap gen0", region.RuntimeRole?.ToString());
    }

    [Fact]
    public void Every_record_of_the_programs_own_type_lies_in_a_gc_heap_region()
    {
        var records = dump.Runtime.Heap.EnumerateObjects().Where(o => o.Type?.Name == "DotnetCrash.DemoRecord").ToList();

        Assert.Equal((int)dump.Info["records"], records.Count);
        Assert.Equal(100, records.Count);
        Assert.Equal(["gc-heap gen0"], records.Select(o => dump.Capture.FindRegion(o.Address)?.RuntimeRole?.ToString()).Distinct());
    }

    [Fact]
    public void The_managed_frames_of_the_crash_run_from_the_jit_code_heap()
    {
        var frames = dump.Runtime.Threads.Single(t => t.OSThreadId == 20160).EnumerateStackTrace()
            .Where(f => f.Kind == ClrStackFrameKind.ManagedMethod)
            .Select(f => (f.Method!.Signature, f.InstructionPointer, dump.Capture.FindRegion(f.InstructionPointer)!))
            .ToList();

        Assert.Equal(["DotnetCrash.Program.Fail()", "DotnetCrash.Program.Main()"], frames.Select(f => f.Signature));
        Assert.Equal([0x7f89922a2a27UL, 0x7f89922a1d04UL], frames.Select(f => f.InstructionPointer));
        var region = Assert.Single(frames.Select(f => f.Item3).Distinct());
        Assert.Equal((0x7f89922a0000UL, 0x7f89922a6000UL, RegionKind.AnonExec), (region.Start, region.End, region.Kind));
        Assert.Equal("jit-code-heap", region.RuntimeRole?.ToString());
    }

    [Fact]
    public void The_rwx_region_the_program_mapped_is_the_only_executable_anonymous_memory_the_runtime_does_not_claim()
    {
        var unclaimed = dump.Capture.Regions
            .Where(r => r.Kind == RegionKind.AnonExec && r.RuntimeRole is not { IsRuntimeCode: true })
            .Select(r => (r.Start, r.End, r.Permissions.ToString(), r.RuntimeRole?.ToString()));

        Assert.Equal([(0x7f8a10e1a000UL, 0x7f8a10e1c000UL, "rwx?", (string?)null)], unclaimed);
        Assert.Equal(0x7f8a10e1a000UL, dump.Info["rwx"]);
        Assert.Equal(8, dump.Capture.Regions.Count(r => r.Kind == RegionKind.AnonExec && r.RuntimeRole is { IsRuntimeCode: true }));
    }

    [Fact]
    public void The_core_importers_images_agree_with_clrmds_modules_but_for_the_dynamic_loader()
    {
        var crossCheck = dump.Capture.Diagnostics.Items.Where(d => d.Id.StartsWith("FX701", StringComparison.Ordinal)).Select(d => d.ToString());

        Assert.Equal(["info FX7011: image [/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2] at [0x7f8a11012000] is not in ClrMD's module list"], crossCheck);
        Assert.Equal(16, dump.Target.EnumerateModules().Count(m => m.Kind == ModuleKind.Elf));
    }

    [Fact]
    public void A_dump_that_clrmd_reads_whole_gets_no_error()
    {
        Assert.DoesNotContain(dump.Capture.Diagnostics.Items, d => d.Id.StartsWith("FX7", StringComparison.Ordinal) && d.Severity != DiagnosticSeverity.Info);
    }
}

using Forensics.Importers.Containers.Minidump;
using Forensics.Importers.Detection;
using Forensics.Importers.Normalisation;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Containers;

/// <summary>
/// Minidumps from lldb's tests (Breakpad, x86_64 Linux: a null write and a requested dump) and rust-minidump's
/// (linux-mini.dmp, and a Crashpad dump from macOS); the facts asserted are those their tests and snapshots state.
/// </summary>
public class MinidumpImporterTests
{
    private static CaptureBuilder Import(params string[] parts)
    {
        using var stream = File.OpenRead(TestPaths.CorpusFile(["public", "minidumps", .. parts]));
        return MinidumpImporter.Import(stream, parts[^1]);
    }

    [Fact]
    public void Minidump_is_recognised_by_its_signature_and_version()
    {
        var head = File.ReadAllBytes(TestPaths.CorpusFile("public", "minidumps", "lldb", "linux-x86_64.dmp")).AsSpan(0, 64);
        Assert.Equal(ContentKind.Minidump, ContentSniffer.Sniff(head));
    }

    [Fact]
    public void Lldb_crash_is_sigsegv_of_pid_29917_in_its_one_thread()
    {
        // TestMiniDumpNew.py: pid 29917, one thread, stopped by SIGSEGV; linux-x86_64.cpp writes through a null pointer.
        var capture = Import("lldb", "linux-x86_64.dmp");
        Assert.Equal((CaptureFormat.Minidump, "breakpad", Architecture.X86_64), (capture.Format, capture.Variant, capture.Architecture));
        Assert.Equal((29917, "linux-x86_64"), (capture.Pid, capture.ProcessName));
        var thread = Assert.Single(capture.Threads);
        Assert.Equal((29917, true, 11, 0x4003e0UL, 0x7fffc8d0e768UL), (thread.Tid, thread.IsCrashing, thread.Signal, thread.ProgramCounter, thread.StackPointer));
        // Breakpad of 2016 leaves the flags (si_code) 0: not recorded, so no code; the address is the null write's.
        Assert.Equal((11, (int?)null, (ulong?)0UL, (int?)29917), (capture.Signal!.Number, capture.Signal.Code, capture.Signal.FaultAddress, capture.Signal.ThreadId));
        Assert.Equal(39, capture.Regions.Count);
    }

    [Fact]
    public void Executable_listed_twice_is_one_module_with_its_build_id()
    {
        var builtCapture = Import("lldb", "linux-x86_64.dmp");
        Assert.Equal(9, builtCapture.Images.Count);
        var executable = builtCapture.Images[0];
        Assert.Equal((0x400000UL, 0x602000UL, "/tmp/test/linux-x86_64", "e35c283bc327c28762db788bf5a4078be2351448", true),
            (executable.Base, executable.End, executable.Path, executable.BuildId, executable.IsExecutable));
        var breakpad = builtCapture.Images.Single(i => i.Path == "/tmp/test/libbreakpad.so");
        Assert.Equal((0x7fc785fed000UL, "784fd549332d826ed23f18c17c6f320a"), (breakpad.Base, breakpad.BuildId));

        var capture = CaptureNormalizer.Normalize(builtCapture);
        Assert.Equal(1, capture.Modules.Count(m => m.Name == "linux-x86_64"));
        Assert.Equal("e35c283bc327c28762db788bf5a4078be2351448", capture.Modules.Single(m => m.IsMainExecutable).BuildId);
    }

    [Fact]
    public void Requested_dump_has_no_signal_and_no_crashing_thread()
    {
        // TestMiniDumpNew.py test_snapshot_minidump_dump_requested: pid 29939, one thread, no stop reason.
        var capture = Import("lldb", "linux-x86_64_not_crashed.dmp");
        Assert.Equal(29939, capture.Pid);
        Assert.Null(capture.Signal);
        var thread = Assert.Single(capture.Threads);
        Assert.Equal((29939, false, 0x7f6b5a9ebfc3UL), (thread.Tid, thread.IsCrashing, thread.ProgramCounter));
        Assert.Contains(new CaptureFact("Exception", "dump requested, no crash"), capture.Facts);
    }

    [Fact]
    public void Rust_minidump_linux_mini_matches_its_stackwalk_snapshot()
    {
        // minidump-stackwalk's linux_json_pretty snapshot: pid 1304, SIGSEGV at 0x45, thread 1304, 35 maps, 8 modules.
        var capture = Import("rust-minidump", "linux-mini.dmp");
        Assert.Equal((1304, 35), (capture.Pid, capture.Regions.Count));
        Assert.Equal((11, (ulong?)0x45UL), (capture.Signal!.Number, capture.Signal.FaultAddress));
        var thread = Assert.Single(capture.Threads);
        Assert.Equal((1304, 0x401d72UL, 0x7fff5ae4aa20UL, 0x7fff5ae4abb0UL), (thread.Tid, thread.ProgramCounter, thread.StackPointer, thread.FramePointer));
        Assert.Equal(
        [
            (0x400000UL, 0x41a000UL, "f1c3bcc0279865fe3058404b2831d9e64135386c"),
            (0x7f513fe54000UL, 0x7f513ff5c000UL, "dfb85de42daffd09640c8fe377d572de3e168920"),
            (0x7f514015d000UL, 0x7f514031d000UL, "b5381a457906d279073822a5ceb24c4bfef94ddb"),
            (0x7f5140527000UL, 0x7f514053d000UL, "68220ae2c65d65c1b6aaa12fa6765a6ec2f5f434"),
            (0x7f514073d000UL, 0x7f51408af000UL, "cb93c881929b523c01acef171b52d5261f026029"),
            (0x7f5140abf000UL, 0x7f5140ad7000UL, "ce17e023542265fc11d9bc8f534bb4f070493d30"),
            (0x7f5140cdc000UL, 0x7f5140d02000UL, "5d7b6259552275a3c17bd4c3fd05f5a6bf40caa5"),
            (0x7fff5aef1000UL, 0x7fff5aef3000UL, "6c5f1875b9048fb4b8dfd832e74ad31a9aafb38f"),
        ], capture.Images.Select(i => (i.Base, i.End, i.BuildId!)));
        Assert.Contains(new CaptureFact("Distribution", "Ubuntu 16.04.3 LTS"), capture.Facts);
        Assert.Contains(new CaptureFact("CPU", "amd64, 4 CPUs"), capture.Facts);
        Assert.Contains(new CaptureFact("OS version", "Linux 4.9.60-linuxkit-aufs #1 SMP Mon Nov 6 16:00:12 UTC 2017 x86_64"), capture.Facts);
    }

    [Fact]
    public void Crashpad_dump_without_linux_streams_takes_regions_from_modules()
    {
        var capture = Import("rust-minidump", "simple-crashpad.dmp");
        Assert.Equal((CaptureFormat.Minidump, "crashpad", 56685), (capture.Format, capture.Variant, capture.Pid));
        Assert.Contains(new CaptureFact("OS", "macOS"), capture.Facts);
        Assert.Equal(40, capture.Images.Count);
        Assert.Equal(927532, Assert.Single(capture.Threads).Tid);
        // macOS exception codes are not signals.
        Assert.Null(capture.Signal);
        Assert.True(capture.Regions.Count >= 40);
    }
}

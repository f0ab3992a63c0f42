using Forensics.Importers.Containers.Minidump;
using Forensics.Importers.Detection;
using Forensics.Importers.Normalisation;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Containers;

/// <summary>
/// Minidumps from lldb's tests (Breakpad, x86_64 Linux: a null write and a requested dump; x86 Linux: the null write), rust-minidump's
/// (linux-mini.dmp, and a Crashpad dump from macOS) and Chromium OS tast's (a Breakpad abort and three Crashpad dumps of
/// Chrome on Linux); the facts asserted are those their tests, snapshots and file names state.
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
    public void Lldb_i386_dump_has_the_registers_its_unit_test_states()
    {
        // lldb's MinidumpParserTest GetThreadContext_x86_32: the first thread's eip 0x080482a0, esp 0xff9dd52c, ebp 0xff9dd53c.
        var built = Import("lldb", "linux-i386.dmp");
        Assert.Equal((CaptureFormat.Minidump, "breakpad", Architecture.X86, 157700, "linux-i386"),
            (built.Format, built.Variant, built.Architecture, built.Pid, built.ProcessName));
        var thread = Assert.Single(built.Threads);
        Assert.Equal((157700, true, 0x80482a0UL, 0xff9dd52cUL, 0xff9dd53cUL),
            (thread.Tid, thread.IsCrashing, thread.ProgramCounter, thread.StackPointer, thread.FramePointer));
        Assert.Equal((11, (ulong?)0UL, (int?)157700), (built.Signal!.Number, built.Signal.FaultAddress, built.Signal.ThreadId));
        Assert.Equal(32, built.Regions.Count);
        Assert.Contains(new CaptureFact("Distribution", "Ubuntu 14.04 LTS"), built.Facts);

        // Ten module records, the executable twice (0x8048000 and 0x8049000): one module.
        var capture = CaptureNormalizer.Normalize(built);
        Assert.Equal(9, capture.Modules.Count);
        var executable = capture.Modules.Single(m => m.IsMainExecutable);
        Assert.Equal(("linux-i386", 0x8048000UL, 0x804b000UL), (executable.Name, executable.Base, executable.End));
        Assert.Equal(0xf7756000UL, capture.Modules.Single(m => m.Name == "[vdso]").Base);
    }

    [Fact]
    public void The_thread_lists_stack_memory_names_the_stack_the_maps_stream_leaves_unnamed()
    {
        // linux-i386.dmp's maps stream has no [stack] line; its thread 157700 (the PID) has its stack memory inside
        // 0xff9be000-0xff9df000, where its esp 0xff9dd52c is.
        var capture = CaptureNormalizer.Normalize(Import("lldb", "linux-i386.dmp"));

        var stack = capture.Regions.Single(r => r.Contains(0xff9dd52c));
        Assert.Equal((0xff9be000UL, 0xff9df000UL, (string?)null, RegionKind.Stack, (int?)157700, (string?)null),
            (stack.Start, stack.End, stack.Name, stack.Kind, stack.ThreadId, stack.Module));
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

    [Fact]
    public void Tast_breakpad_abort_has_the_three_modules_its_stack_walk_asks_symbols_for()
    {
        // tast's minidump_test.go: walking this dump asks for the symbols of /lib64/ld-2.23.so, /lib64/libc-2.23.so and
        // /usr/local/bin/abort, whose module id is that of testdata/abort.debug (build-id d48886a4…); the name ends in the pid.
        var built = Import("tast", "abort.20180103.145440.12345.20827.dmp");
        Assert.Equal((CaptureFormat.Minidump, "breakpad", 20827, "abort", "/usr/local/bin/abort"),
            (built.Format, built.Variant, built.Pid, built.ProcessName, built.CommandLine));
        var thread = Assert.Single(built.Threads);
        Assert.Equal((20827, true, 0x7f300bbc0dd2UL, 0x7ffcb0822c78UL), (thread.Tid, thread.IsCrashing, thread.ProgramCounter, thread.StackPointer));
        Assert.Equal((6, (int?)null), (built.Signal!.Number, built.Signal.Code));
        Assert.Contains(new CaptureFact("OS version", "Linux 3.8.11 #1 SMP Wed Dec 20 17:00:59 PST 2017 x86_64"), built.Facts);

        // Breakpad of 2018 gives each library the size of its first mapping only; the maps stream's later mappings of
        // the file (the 2 MiB gap, relro, data) are the same module, not a second one; the anonymous memory after the data
        // is not counted, as nothing in the dump gives p_memsz.
        var capture = CaptureNormalizer.Normalize(built);
        Assert.Equal(
        [
            ("abort", 0x400000UL, 0x602000UL, "d48886a470aacab4e2b86443818fbc97e19cfcb5"),
            ("libc-2.23.so", 0x7f300bb8d000UL, 0x7f300bf33000UL, "3bbf21779583a111fec5743f28d42f6e74635db4"),
            ("ld-2.23.so", 0x7f300bf38000UL, 0x7f300c15e000UL, "931837ec2d7750639878b99afb159d2aab23f92f"),
            ("[vdso]", 0x7ffcb0995000UL, 0x7ffcb0997000UL, "c8adbd2edbfbafec94b2068d4d57b3789cf8c387"),
        ], capture.Modules.Select(m => (m.Name, m.Base, m.End, m.BuildId!)));
        Assert.Equal(17, capture.Regions.Count);
    }

    [Theory]
    [InlineData("chrome.20210406.155226.62533.9042.dmp", 9042, 13, 45, 0x58957e50b000UL, "003d5402db23b655f73b24364c6c8bef5069cc77", 1,
        "4.14.228-17520-gcb634ab431cd #1 SMP PREEMPT Sun Apr 4 03:15:12 PDT 2021 x86_64", "91.0.4466.0")]
    [InlineData("chrome.20210706.000145.15087.8090.dmp", 8090, 18, 43, 0x5ce3fbc82000UL, "a2d76609c1dc918b37f0b856aa4e45be4de9685c", 1,
        "4.14.238-18029-g3bb59fee806c #1 SMP PREEMPT Sun Jul 4 03:46:40 PDT 2021 x86_64", "93.0.4563.0")]
    [InlineData("chrome.20210929.052823.26188.4743.dmp", 4743, 28, 44, 0x55b85ce13000UL, "347d1bf4782bf59e4e069574d9c2ed40eabb264b", 0x80,
        "5.4.149-16715-g1f4d5f8c77d0 #1 SMP PREEMPT Tue Sep 28 18:03:12 PDT 2021 x86_64", "95.0.4637.0")]
    public void Tast_crashpad_dumps_of_chrome_on_linux(
        string name, int pid, int threads, int modules, ulong executableBase, string buildId, int siCode, string osVersion, string version)
    {
        // tast's README: chrome:crash visited on a Chrome OS VM (the last, a Lacros build tast fetches 95.0.4637.0 symbols
        // for); the file name ends in the pid. Crashpad writes no Linux streams: no maps, status or lsb-release.
        var capture = Import("tast", name);
        Assert.Equal((CaptureFormat.Minidump, "crashpad", Architecture.X86_64, pid, "chrome", (string?)null),
            (capture.Format, capture.Variant, capture.Architecture, capture.Pid, capture.ProcessName, capture.CommandLine));
        Assert.Equal((threads, modules), (capture.Threads.Count, capture.Images.Count));
        Assert.Equal((pid, true), (capture.Threads[0].Tid, capture.Threads[0].IsCrashing));
        // SI_KERNEL (a general-protection fault on a non-canonical address) leaves si_addr 0, which is no fault address.
        Assert.Equal((11, (int?)siCode, siCode == 0x80 ? null : (ulong?)0UL, (int?)pid), (capture.Signal!.Number, capture.Signal.Code, capture.Signal.FaultAddress, capture.Signal.ThreadId));
        var executable = capture.Images[0];
        Assert.Equal((executableBase, buildId, true), (executable.Base, executable.BuildId, executable.IsExecutable));
        Assert.Contains(new CaptureFact("OS version", osVersion), capture.Facts);
        Assert.Contains(new CaptureFact("Crashpad ver", version), capture.Facts);
        Assert.DoesNotContain(capture.Facts, f => f.Name == "Distribution");
    }

    [Fact]
    public void Crashpad_annotations_are_facts()
    {
        // tast's minidump_test.go reads these two annotations to find the build's symbols.
        var capture = Import("tast", "chrome.20210706.000145.15087.8090.dmp");
        Assert.Contains(new CaptureFact("Crashpad chromeos-board", "betty"), capture.Facts);
        Assert.Contains(new CaptureFact("Crashpad chromeos-builder-path", "betty-release/R93-14070.0.0"), capture.Facts);
        Assert.Contains(new CaptureFact("Crashpad prod", "Chrome_ChromeOS"), capture.Facts);
    }
}

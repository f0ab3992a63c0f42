using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Forensics.Importers.Containers.Apport;
using Forensics.Importers.Detection;
using Forensics.Importers.Normalisation;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Containers;

/// <summary>
/// apport's own test report (corpus/public/apport, from canonical/apport tests/data): `sleep 86400` on Ubuntu 22.04
/// sent SIGSEGV by another process, with its maps and its gzip core in one file; whoopsie's test report of 2011; two
/// reports pasted on the Ubuntu Forums.
/// </summary>
public class ApportImporterTests
{
    private static readonly string SleepPath = TestPaths.CorpusFile("public", "apport", "jammy_usr_bin_sleep.1000.crash");

    private static CaptureBuilder Import(byte[] report, ApportLimits? limits = null) =>
        ApportImporter.Import(new MemoryStream(report), "test.crash", limits ?? ApportLimits.Default, Forensics.Elf.CoreLimits.Default);

    private static CaptureBuilder Sleep() => Import(File.ReadAllBytes(SleepPath));

    [Fact]
    public void Report_is_recognised_by_its_first_field()
    {
        Assert.Equal(ContentKind.ApportReport, ContentSniffer.Sniff(File.ReadAllBytes(SleepPath).AsSpan(0, 4096)));
        Assert.Equal(ContentKind.Text, ContentSniffer.Sniff("Package: foo\nProblemType: Crash\n"u8));
    }

    [Fact]
    public void Maps_and_core_merge_into_one_capture_of_pid_27790()
    {
        var capture = Sleep();
        Assert.Equal((CaptureFormat.Apport, "maps + gzip core"), (capture.Format, capture.Variant));
        Assert.Equal((27790, "sleep", "sleep 86400"), (capture.Pid, capture.ProcessName, capture.CommandLine));
        Assert.Equal(Architecture.X86_64, capture.Architecture);
        Assert.Equal(24, capture.Regions.Count);
        var executable = capture.Regions[0];
        Assert.Equal((0x57bd123df000UL, 0x57bd123e1000UL, "/usr/bin/sleep", (ulong?)1968132UL, RegionSources.CoreLoad | RegionSources.CoreFile | RegionSources.Maps),
            (executable.Start, executable.End, executable.Name, executable.Inode, executable.Sources));
        Assert.Empty(capture.MergedInputs);
        Assert.DoesNotContain(capture.Diagnostics.Items, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void The_core_siginfo_tells_the_signal_was_sent_not_a_fault()
    {
        var capture = Sleep();
        // The report's field says only "Signal: 11"; the core's NT_SIGINFO says SI_USER from pid 27791.
        Assert.Equal((11, (int?)0, (int?)27791), (capture.Signal!.Number, capture.Signal.Code, capture.Signal.SenderPid));
        var thread = Assert.Single(capture.Threads);
        Assert.Equal((27790, 0x73929b6e57faUL, 0x7fff58cf2460UL), (thread.Tid, thread.ProgramCounter, thread.StackPointer));
    }

    [Fact]
    public void Fields_become_facts_in_order()
    {
        var facts = Sleep().Facts;
        Assert.Equal(
        [
            new("ProblemType", "Crash"), new("Date", "Tue Jun 11 14:39:28 2024"), new("Package", "coreutils 8.32-4.1ubuntu1"),
            new("Architecture", "amd64"), new("DistroRelease", "Ubuntu 22.04"), new("Uname", "Linux 6.5.0-35-generic x86_64"),
            new("ExecutablePath", "/usr/bin/sleep"), new("ProcCmdline", "sleep 86400"), new("Signal", "11"),
            new("ProcStatus Name", "sleep"), new("ProcStatus State", "S (sleeping)"), new("ProcStatus Pid", "27790"),
            new("ProcStatus PPid", "1884"), new("ProcStatus Uid", "1000\t1000\t1000\t1000"), new("ProcStatus Threads", "1"),
        ], facts);
    }

    [Fact]
    public void Report_without_core_keeps_the_signal_number_only()
    {
        var report = WithoutCore();
        var capture = Import(report);
        Assert.Equal((CaptureFormat.Apport, "maps", 24), (capture.Format, capture.Variant, capture.Regions.Count));
        Assert.Equal((11, (int?)null), (capture.Signal!.Number, capture.Signal.Code));
        Assert.Equal(27790, capture.Pid);
    }

    [Fact]
    public void Maps_field_holding_an_error_is_flagged()
    {
        var report = Encoding.UTF8.GetBytes("ProblemType: Crash\nProcMaps: Error: [Errno 13] Permission denied: '/proc/4242/maps'\nSignal: 6\n");
        var capture = Import(report);
        Assert.Empty(capture.Regions);
        var warning = Assert.Single(capture.Diagnostics.Items);
        Assert.Equal((DiagnosticCatalogue.ApportNoMaps.Id, 2), (warning.Id, warning.Location.Line));
        Assert.Contains("[Error: [Errno 13] Permission denied: '/proc/4242/maps']", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Base64_garbage_ends_the_core_with_a_named_problem_and_keeps_the_maps()
    {
        var text = Encoding.ASCII.GetString(File.ReadAllBytes(SleepPath));
        var at = text.IndexOf("CoreDump: base64\n", StringComparison.Ordinal) + 100;
        var capture = Import(Encoding.ASCII.GetBytes(text[..at] + "!" + text[(at + 1)..]));
        var error = capture.Diagnostics.Items.First(d => d.Id == DiagnosticCatalogue.ApportBadBase64.Id);
        Assert.Equal(139, error.Location.Line);
        Assert.Contains("byte [0x21] is not base64", error.Message, StringComparison.Ordinal);
        Assert.Equal(24, capture.Regions.Count);
    }

    [Fact]
    public void Unpadded_line_is_a_named_problem()
    {
        var capture = Import("ProblemType: Crash\nCoreDump: base64\n H4sICAAAAAAC/0NvcmVEdW1wAA=\nSignal: 11\n"u8.ToArray());
        var error = Assert.Single(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.ApportBadBase64.Id);
        Assert.Equal(3, error.Location.Line);
        Assert.Equal(11, capture.Signal!.Number);
    }

    [Fact]
    public void Core_of_unknown_encoding_is_a_named_problem()
    {
        var capture = Import("ProblemType: Crash\nCoreDump: base64\n QUJDRA==\n"u8.ToArray());
        var error = Assert.Single(capture.Diagnostics.Items);
        Assert.Equal((DiagnosticCatalogue.ApportUnknownCoreEncoding.Id, 2), (error.Id, error.Location.Line));
        Assert.Contains("[41424344]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zip_bomb_core_stops_at_the_limit()
    {
        // A core whose one segment claims 64 GiB of file data, followed by 8 MiB of zeros that deflate to a few KiB.
        var core = new ElfCoreBuilder().Segment(0x400000, 0x1000, 5, new byte[16]).PrStatus(1, 11, 0x400000, 0x400800).Build();
        var phoff = (int)BinaryPrimitives.ReadUInt64LittleEndian(core.AsSpan(0x20));
        for (var header = phoff; header < phoff + (3 * 56); header += 56)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(core.AsSpan(header)) == 1)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(core.AsSpan(header + 32), 64UL << 30);
                BinaryPrimitives.WriteUInt64LittleEndian(core.AsSpan(header + 40), 64UL << 30);
            }
        }
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(core);
            gzip.Write(new byte[8 << 20]);
        }
        var report = "ProblemType: Crash\nCoreDump: base64\n " + Convert.ToBase64String(compressed.ToArray()) + "\n";
        var capture = Import(Encoding.ASCII.GetBytes(report), new ApportLimits { MaxCoreBytes = 1 << 20 });
        var error = Assert.Single(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.ApportCoreTooLarge.Id);
        Assert.Contains("[1048576]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zlib_core_of_older_reports_is_read()
    {
        var text = Encoding.ASCII.GetString(File.ReadAllBytes(SleepPath));
        var core = Gunzip(text);
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(core);
        var encoded = Convert.ToBase64String(compressed.ToArray());
        var report = text[..text.IndexOf("CoreDump:", StringComparison.Ordinal)] + "CoreDump: base64\n " + encoded + "\n";
        var capture = Import(Encoding.ASCII.GetBytes(report));
        Assert.Equal(("maps + zlib core", 24, 27791), (capture.Variant, capture.Regions.Count, capture.Signal!.SenderPid));
    }

    [Fact]
    public void Whoopsie_test_report_merges_its_maps_and_a_core_without_siginfo()
    {
        // whoopsie's test_parse_report reads these fields and base64-decodes the CoreDump. The report: Ubuntu 11.10,
        // pid 5378, Signal 11, 16 ProcMaps rows; the core (kernel 3.0) has no NT_SIGINFO and no NT_FILE.
        var capture = Import(File.ReadAllBytes(TestPaths.CorpusFile("public", "apport", "whoopsie_usr_bin_gedit.1000.crash")));
        Assert.Equal((CaptureFormat.Apport, "maps + gzip core", 5378, "gedit", "gedit", Architecture.X86_64),
            (capture.Format, capture.Variant, capture.Pid, capture.ProcessName, capture.CommandLine, capture.Architecture));
        Assert.Equal(16, capture.Regions.Count);
        Assert.Equal((11, (int?)null, (ulong?)null), (capture.Signal!.Number, capture.Signal.Code, capture.Signal.FaultAddress));
        var thread = Assert.Single(capture.Threads);
        Assert.Equal((5378, 0x4004caUL, 0x7fff5bfed160UL), (thread.Tid, thread.ProgramCounter, thread.StackPointer));
        Assert.Contains(new CaptureFact("DistroRelease", "Ubuntu 11.10"), capture.Facts);
        Assert.DoesNotContain(capture.Diagnostics.Items, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Zstd_core_copied_from_systemd_coredump_is_read()
    {
        // apport 2.28.0 and later, reading a crash from systemd-coredump (report.py _add_coredump_from_systemd_coredump),
        // make CoreDump a CompressedFile of COREDUMP_FILENAME; problem_report.py _generate_compressed_chunks then yields
        // that file's bytes unchanged, 131072 (CHUNK_SIZE) at a time, each base64-encoded on its own line. Here the file
        // is the zstd core systemd-coredump stored for crash_null (corpus/systemd-coredump), the maps those it saved.
        var pid = StoredCoredump.Pid;
        var zst = File.ReadAllBytes(StoredCoredump.Path);
        var report = new StringBuilder("ProblemType: Crash\nExecutablePath: /tmp/forensics-corpus/bin/crash_null\nSignal: 11\nProcMaps:");
        foreach (var line in File.ReadAllLines(TestPaths.CorpusFile("systemd-coredump", "maps.self")))
            report.Append("\n ").Append(line);
        report.Append("\nCoreDump: base64");
        for (var offset = 0; offset < zst.Length; offset += 131072)
            report.Append("\n ").Append(Convert.ToBase64String(zst, offset, Math.Min(131072, zst.Length - offset)));
        report.Append('\n');
        Assert.True(zst.Length > 131072);

        var capture = Import(Encoding.ASCII.GetBytes(report.ToString()));
        Assert.Equal(("maps + zstd core", pid, "crash_null"), (capture.Variant, capture.Pid, capture.ProcessName));
        Assert.Equal((11, (int?)1, (ulong?)0x10UL), (capture.Signal!.Number, capture.Signal.Code, capture.Signal.FaultAddress));
        Assert.Equal(pid, Assert.Single(capture.Threads).Tid);
        Assert.DoesNotContain(capture.Diagnostics.Items, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Pasted_report_without_its_core_takes_the_crashing_thread_from_registers()
    {
        // apt-get's report as posted to Ubuntu Forums: apport-retrace's Registers, StacktraceAddressSignature
        // (libapt-pkg.so.4.12.0+d6281) and SegvAnalysis are there; the core lost its indent and its middle in the paste.
        var capture = ImportForumReport("ubuntu-forums_apt-get_12.04_i386.crash");
        Assert.Equal((CaptureFormat.Apport, "maps", 23582, "apt-get", "apt-get check -f -qq", Architecture.X86),
            (capture.Format, capture.Variant, capture.Pid, capture.ProcessName, capture.CommandLine, capture.Architecture));
        Assert.Equal((40, 11, (int?)null), (capture.Regions.Count, capture.Signal!.Number, capture.Signal.Code));
        var thread = Assert.Single(capture.Threads);
        Assert.Equal((23582, true, 0xf98281UL, 0xbfbf1a90UL, 0xb5fc3b00UL), (thread.Tid, thread.IsCrashing, thread.ProgramCounter, thread.StackPointer, thread.FramePointer));
        // No core rather than a damaged one: warnings, so the report's own fields stand and the input is ok.
        Assert.Equal(
            [(DiagnosticCatalogue.ApportNoCore.Id, 98), (DiagnosticCatalogue.ApportNotAField.Id, 99), (DiagnosticCatalogue.ApportNotAField.Id, 100),
             (DiagnosticCatalogue.ApportNotAField.Id, 101)],
            capture.Diagnostics.Items.Select(d => (d.Id, d.Location.Line)));
        Assert.All(capture.Diagnostics.Items, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains("CoreDump holds no data", capture.Diagnostics.Items[0].Message, StringComparison.Ordinal);

        var module = CaptureNormalizer.Normalize(capture).Modules.Single(m => m.Base <= thread.ProgramCounter && thread.ProgramCounter < m.End);
        Assert.Equal(("libapt-pkg.so.4.12.0", 0xd6281UL), (module.Name, thread.ProgramCounter - module.Base));
    }

    [Fact]
    public void Pasted_report_whose_core_is_cut_after_its_first_line_keeps_its_maps()
    {
        // Xorg's report as posted to Ubuntu Forums: "followed by a lot of random characters that exceed post limit".
        var capture = ImportForumReport("ubuntu-forums_Xorg_12.10_i386.crash");
        Assert.Equal((1021, "Xorg", Architecture.X86, 100, 6), (capture.Pid, capture.ProcessName, capture.Architecture, capture.Regions.Count, capture.Signal!.Number));
        Assert.Equal("maps", capture.Variant);
        Assert.Empty(capture.Threads);
        var cut = Assert.Single(capture.Diagnostics.Items);
        Assert.Equal((DiagnosticCatalogue.ApportNoCore.Id, 154), (cut.Id, cut.Location.Line));
        Assert.Contains("CoreDump's gzip stream ends before any core byte (the report keeps [19] bytes of it)", cut.Message, StringComparison.Ordinal);
        var executable = CaptureNormalizer.Normalize(capture).Modules.Single(m => m.IsMainExecutable);
        // Its three mappings and the bss right after them.
        Assert.Equal(("/usr/bin/Xorg", 0xb751e000UL, 0xb7744000UL), (executable.Path, executable.Base, executable.End));
    }

    private static CaptureBuilder ImportForumReport(string name) => Import(File.ReadAllBytes(TestPaths.CorpusFile("public", "apport", name)));

    private static byte[] Gunzip(string report)
    {
        var lines = report[(report.IndexOf("CoreDump: base64\n", StringComparison.Ordinal) + 17)..].Split('\n')
            .TakeWhile(l => l.StartsWith(' ')).Select(l => Convert.FromBase64String(l[1..]));
        using var gzip = new GZipStream(new MemoryStream([.. lines.SelectMany(b => b)]), CompressionMode.Decompress);
        var core = new MemoryStream();
        gzip.CopyTo(core);
        return core.ToArray();
    }

    private static byte[] WithoutCore()
    {
        var text = Encoding.ASCII.GetString(File.ReadAllBytes(SleepPath));
        return Encoding.ASCII.GetBytes(text[..text.IndexOf("CoreDump:", StringComparison.Ordinal)]);
    }
}

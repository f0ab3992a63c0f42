using System.Formats.Tar;
using Forensics.Elf;
using Forensics.Model;
using Forensics.Symbols.ModuleFiles;
using Forensics.TestSupport;
using SharpCompress.Compressors.Xz;

namespace Forensics.Symbols.Tests.Corpus;

/// <summary>
/// <c>corpus/symbol-files/</c>: a binary stripped the way Fedora strips them, whose static functions are named only by
/// its <c>.gnu_debugdata</c> (MiniDebugInfo) and whose lines are in the debug file its <c>.gnu_debuglink</c> names.
/// gdb's backtraces beside the core are the oracles. libc and the loader come from the backtrace sysroot (the same
/// build-ids).
/// </summary>
public sealed class SymbolFileTests : IDisposable
{
    private const string Binary = "tmp/forensics-corpus/bin/mini_debuginfo";
    private readonly string _unpacked = Directory.CreateTempSubdirectory("forensics-symbol-files-").FullName;
    private readonly string _folder = Directory.CreateTempSubdirectory("forensics-symbol-files-").FullName;

    public SymbolFileTests()
    {
        using var file = File.OpenRead(TestPaths.CorpusFile("symbol-files", "binaries.tar.xz"));
        using var xz = new XZStream(file);
        TarFile.ExtractToDirectory(xz, _unpacked, overwriteFiles: false);
    }

    public void Dispose()
    {
        Directory.Delete(_unpacked, true);
        Directory.Delete(_folder, true);
    }

    private static CaptureBuilder Walked(params string[] symbolDirectories)
    {
        var (capture, memory) = BacktraceCorpus.CoreOf("symbol-files", "core.xz");
        CaptureUnwinder.Unwind(capture, memory, new SymbolOptions { Directories = [BacktraceCorpus.Sysroot, .. symbolDirectories], UseModulePaths = false });
        return capture;
    }

    private static List<(ulong? Pc, string Function)> Gdb(string file) =>
        GdbBacktrace.Parse(SampleFile.ReadAllText(TestPaths.CorpusFile("symbol-files", file))).Values.Single();

    [Fact]
    public void The_binary_alone_names_its_static_functions_from_gnu_debugdata_as_gdb_does()
    {
        File.Copy(Path.Join(_unpacked, Binary), Path.Join(_folder, "mini_debuginfo"));
        var capture = Walked(_folder);
        var frames = capture.Threads.Single().Frames;
        var expected = Gdb("core.gdb-bt.txt");
        Assert.Equal(3, expected.Count);
        GdbOracleTests.AssertSameFrames(expected, frames);
        Assert.Equal(["store_field", "parse_record", "main"], frames.Take(3).Select(f => f.Function));
        Assert.Equal([0x55d88e8b1129UL, 0x55d88e8b1165UL, 0x55d88e8b1193UL], frames.Take(3).Select(f => f.ProgramCounter));
        Assert.All(frames.Take(3), f => Assert.Null(f.Line));
        Assert.Equal("_start", frames[^1].Function);
        Assert.DoesNotContain(capture.Diagnostics.Items, d => d.Severity == DiagnosticSeverity.Warning);
    }

    [Fact]
    public void The_debug_link_in_the_dot_debug_folder_beside_the_binary_adds_file_and_line()
    {
        var capture = Walked(_unpacked);
        var frames = capture.Threads.Single().Frames;
        GdbOracleTests.AssertSameFrames(Gdb("core.gdb-bt-debuglink.txt"), frames);
        // gdb: mini_debuginfo.c:10, :17, :25.
        Assert.Equal([("store_field", "mini_debuginfo.c", 10), ("parse_record", "mini_debuginfo.c", 17), ("main", "mini_debuginfo.c", 25)],
            frames.Take(3).Select(f => (f.Function!, Path.GetFileName(f.File!), f.Line!.Value)));
        Assert.DoesNotContain(capture.Diagnostics.Items, d => d.Severity == DiagnosticSeverity.Warning);
    }

    [Fact]
    public void A_debug_file_of_another_build_under_the_linked_name_is_reported_and_not_used()
    {
        File.Copy(Path.Join(_unpacked, Binary), Path.Join(_folder, "mini_debuginfo"));
        File.Copy(Path.Join(_unpacked, "other-build", "mini_debuginfo.debug"), Path.Join(_folder, "mini_debuginfo.debug"));
        var capture = Walked(_folder);
        var mismatch = Assert.Single(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.DebugLinkCrcMismatch);
        // zlib.crc32 of the two debug files: 0x247d0c24 (the -O2 build) and 0xd6fe5a02 (the one the link names).
        Assert.Equal(
            $"[{Path.Join(_folder, "mini_debuginfo.debug")}] has CRC-32 [0x247d0c24], but the .gnu_debuglink of [mini_debuginfo] names one with [0xd6fe5a02]: the file is not used",
            mismatch.Message);
        var frames = capture.Threads.Single().Frames;
        Assert.Equal(["store_field", "parse_record", "main"], frames.Take(3).Select(f => f.Function));
        Assert.All(frames.Take(3), f => Assert.Null(f.Line));
    }

    [Fact]
    public void A_damaged_gnu_debugdata_is_reported_and_only_dynsym_names_remain()
    {
        var bytes = File.ReadAllBytes(Path.Join(_unpacked, Binary));
        // .gnu_debugdata is at file offset 0x3010 (0x358 bytes, readelf -S): flip a byte inside its compressed block.
        bytes[0x3010 + 0x100] ^= 0xff;
        File.WriteAllBytes(Path.Join(_folder, "mini_debuginfo"), bytes);
        var capture = Walked(_folder);
        var problem = Assert.Single(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.MalformedModuleFile);
        Assert.StartsWith($".gnu_debugdata of [{Path.Join(_folder, "mini_debuginfo")}]: ", problem.Message, StringComparison.Ordinal);
        var frames = capture.Threads.Single().Frames;
        Assert.All(frames.Take(3), f => Assert.Null(f.Function));
        Assert.Equal(("mini_debuginfo", 0x1129UL), (frames[0].Module!, frames[0].ModuleOffset!.Value));
    }

    [Fact]
    public void The_gnu_debugdata_holds_the_functions_dynsym_lacks()
    {
        var file = ModuleFileReader.TryRead(Path.Join(_unpacked, Binary), 1 << 20, ReadCheckpoints.Unlimited, out var problem);
        Assert.Null(problem);
        Assert.True(file!.Problems.Count == 0, string.Join(" | ", file.Problems));
        Assert.Equal(new DebugLink("mini_debuginfo.debug", 0xd6fe5a02), file.DebugLink);
        Assert.Equal("f4aca9d6681bb68e5c73a0052c934f87d9c13ef9", file.BuildId);
        var names = file.Symbols.All.Select(s => s.Name).ToHashSet();
        Assert.All(["main", "parse_record", "store_field", "_start"], name => Assert.Contains(name, names));
    }
}

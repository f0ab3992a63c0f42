using Forensics.Elf;
using Forensics.Elf.Sources;
using Forensics.Importers.Core;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Symbols.Tests.Corpus;

/// <summary>The crashes of <c>corpus/backtrace/</c>: each core as imported, its memory, and its modules unpacked.</summary>
public static class BacktraceCorpus
{
    /// <summary>A folder holding <c>binaries.tar.xz</c> unpacked: a sysroot of every module the cores map.</summary>
    public static string Sysroot => BacktraceBinaries.Sysroot;

    /// <summary>The imported core of a set and the address space of its bytes.</summary>
    public static (CaptureBuilder Capture, IAddressSpace Memory) Core(string set) => CoreOf("backtrace", set, "core.xz");

    /// <summary>The imported core at a path under <c>corpus/</c> and the address space of its bytes.</summary>
    public static (CaptureBuilder Capture, IAddressSpace Memory) CoreOf(params string[] corpusPath)
    {
        var bytes = SampleFile.ReadAllBytes(TestPaths.CorpusFile(corpusPath));
        var capture = CoreImporter.Import(new MemoryByteSource(bytes), string.Join('/', corpusPath), CoreLimits.Default);
        var file = ElfCoreFile.Read(new MemoryByteSource(bytes), new ElfDiagnosticList());
        return (capture, file.Memory);
    }

    /// <summary>Imports and walks a core with the given options (module paths of this machine never looked at).</summary>
    public static CaptureBuilder Walked(string set, params string[] symbolDirectories)
    {
        var (capture, memory) = Core(set);
        CaptureUnwinder.Unwind(capture, memory, new SymbolOptions { Directories = symbolDirectories, UseModulePaths = false });
        return capture;
    }

    public static string GdbBacktrace(string set) =>
        SampleFile.ReadAllText(TestPaths.CorpusFile("backtrace", set, "core.gdb-bt.txt"));
}

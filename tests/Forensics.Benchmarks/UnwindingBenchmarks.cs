using BenchmarkDotNet.Attributes;
using Forensics.Elf;
using Forensics.Elf.Sources;
using Forensics.Importers.Core;
using Forensics.Model;
using Forensics.Symbols;
using Forensics.Symbols.ModuleFiles;
using Forensics.TestSupport;

namespace Forensics.Benchmarks;

/// <summary>
/// Stack walk and symbols of every thread of each backtrace core (<c>corpus/backtrace/</c>), with its binaries
/// unpacked as a sysroot for <c>--symbols</c>: what one core costs the pipeline after decompression. Each call imports
/// the core's headers and notes from memory (about 50 µs, see <see cref="CoreImportBenchmarks"/>), then opens the
/// module files, indexes their CFI and symbols, and walks. <see cref="Walk_every_thread"/> keeps nothing between calls
/// (the first core of a run); <see cref="Walk_every_thread_files_kept"/> shares one <see cref="ModuleFileCache"/> across
/// calls, as the cores of a run after the first do.
/// </summary>
[MemoryDiagnoser]
public class UnwindingBenchmarks
{
    private byte[] _core = [];
    private SymbolOptions _options = SymbolOptions.Default;
    private ModuleFileCache _files = new();

    [Params("lib-null", "omit-fp-abort", "cpp-throw", "deep-recursion", "double-free", "i386-null")]
    public string Core { get; set; } = "";

    [GlobalSetup]
    public void ReadCore()
    {
        _core = CorpusInput.ReadXz("backtrace", Core, "core.xz");
        _options = new SymbolOptions { Directories = [BacktraceBinaries.Sysroot], UseModulePaths = false };
        var crashing = Walk().Threads.Single(t => t.IsCrashing);
        if (crashing.Frames.Count < 2 || crashing.Frames[^1].Function != "_start")
            throw new InvalidDataException($"[{Core}] did not unwind to _start: {crashing.Frames.Count} frames");
    }

    [Benchmark(Baseline = true)]
    public CaptureBuilder Walk_every_thread() => Walk(null);

    [Benchmark]
    public CaptureBuilder Walk_every_thread_files_kept() => Walk(_files);

    private CaptureBuilder Walk(ModuleFileCache? files = null)
    {
        // The core file the import read is the one walked, as the pipeline does for a core read on demand.
        var capture = CoreImporter.Import(new MemoryByteSource(_core), Core, CoreLimits.Default, null, out var file);
        CaptureUnwinder.Unwind(capture, file.Memory, _options, null, files);
        return capture;
    }
}

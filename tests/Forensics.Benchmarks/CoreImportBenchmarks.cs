using BenchmarkDotNet.Attributes;
using Forensics.Importers.Core;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Benchmarks;

/// <summary>
/// Core import of a small kernel core (<c>corpus/crash-null/core</c>, 450,560 bytes) and of the same core with
/// one more PT_LOAD of 64 GiB whose file bytes are a hole: the import must not read segment data it does not
/// need, so both should take about the same time. Both files are written into a temporary folder at setup.
/// </summary>
[MemoryDiagnoser]
public class CoreImportBenchmarks
{
    private string _folder = "";
    private string _smallCore = "";
    private string _sparseCore = "";

    [GlobalSetup]
    public void WriteCores()
    {
        _folder = Directory.CreateTempSubdirectory("forensics-benchmarks-").FullName;
        var core = CorpusInput.ReadXz("crash-null", "core.xz");
        _smallCore = Path.Combine(_folder, "crash-null.core");
        File.WriteAllBytes(_smallCore, core);
        _sparseCore = Path.Combine(_folder, "sparse-64gib.core");
        SparseCoreWriter.Write(core, _sparseCore);
        var sparse = Import(_sparseCore);
        var segment = sparse.FindRegion(SparseCoreWriter.SegmentAddress);
        if (segment is null || segment.Size != SparseCoreWriter.SegmentSize)
            throw new InvalidDataException($"The sparse core did not import its [{SparseCoreWriter.SegmentSize}]-byte segment.");
    }

    [GlobalCleanup]
    public void DeleteCores() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true)]
    [InputSize("crash-null", "core.size.txt")]
    public CaptureBuilder Small_core() => Import(_smallCore);

    [Benchmark]
    public CaptureBuilder Sparse_64GiB_core() => Import(_sparseCore);

    private static CaptureBuilder Import(string path)
    {
        using var input = File.OpenRead(path);
        return CoreImporter.Import(input, path);
    }
}

using BenchmarkDotNet.Attributes;
using Forensics.Pipeline.Importing;
using Forensics.Pipeline.Store;
using Forensics.TestSupport;

namespace Forensics.Benchmarks;

/// <summary>
/// What keeping a result costs and what reusing it saves: importing <c>corpus/bench</c>'s 20,026-mapping maps and smaps
/// (decompression, hashing and parsing, as a run does) and the 2,000,000-line maps of <c>make-large-maps.sh</c> (written
/// to a file here) against saving and loading its kept result (one entry, as a pack in <c>OUT/.forensics/</c> holds it).
/// </summary>
[MemoryDiagnoser]
public class StoreBenchmarks
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "forensics-store-bench-" + Guid.NewGuid().ToString("n"));
    private string _input = "";
    private string _kept = "";
    private InputResult _result = null!;

    private const string LargeMaps = "large.maps";

    [Params("many-maps.maps.xz", "many-maps.smaps.xz", LargeMaps)]
    public string Input { get; set; } = "";

    [GlobalSetup]
    public void ImportOnce()
    {
        Directory.CreateDirectory(_folder);
        _input = Input == LargeMaps ? Path.Combine(_folder, LargeMaps) : TestPaths.CorpusFile("bench", Input);
        if (Input == LargeMaps)
            File.WriteAllBytes(_input, LargeMapsInput.Make());
        _kept = Path.Combine(_folder, Input + ".fxir");
        _result = Import();
        InputResultStore.Save(_kept, _result);
        var regions = Input == LargeMaps ? LargeMapsInput.Lines : 20026;
        if (Load()?.Captures[0].Regions.Count != regions)
            throw new InvalidDataException($"Expected [{regions}] regions from [{Input}] and its kept result.");
    }

    [GlobalCleanup]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true)]
    public InputResult Import() => new InputImporter().ImportInput(_input, Input);

    [Benchmark]
    public void Save() => InputResultStore.Save(Path.Combine(_folder, "saved.fxir"), _result);

    [Benchmark]
    public InputResult? Load() => InputResultStore.Load(_kept, out _);
}

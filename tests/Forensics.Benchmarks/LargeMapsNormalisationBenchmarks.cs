using BenchmarkDotNet.Attributes;
using Forensics.Analysis;
using Forensics.Importers.Normalisation;
using Forensics.Model;

namespace Forensics.Benchmarks;

/// <summary>
/// Normalising and analysing the one capture of the maps of 2,000,000 anonymous lines (<c>tests/batch/make-large-maps.sh</c>,
/// made here in memory byte for byte the same): as <c>analyze</c> does them, with the passes over the regions in two
/// halves on two threads, and in one piece. Normalising changes the capture it is given, so each iteration imports
/// the text again first (not measured) and runs once.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5, invocationCount: 1)]
public class LargeMapsNormalisationBenchmarks
{
    private const int Lines = LargeMapsInput.Lines;

    private byte[] _maps = [];
    private CaptureBuilder _imported = null!;
    private Capture _normalised = null!;

    [GlobalSetup]
    public void MakeInput()
    {
        _maps = LargeMapsInput.Make();
        _normalised = CaptureNormalizer.Normalize(Import());
        // A pass that gave up early would look fast: check every region was classified and the map-count finding made.
        if (_normalised.Regions.Count != Lines || _normalised.Regions.Any(r => r.Kind != RegionKind.Anon)
            || CaptureAnalyzer.Analyze(_normalised, [_normalised]).Findings.Single().Rule != "map-count")
            throw new InvalidDataException($"Expected [{Lines}] anonymous regions and one map-count finding.");
    }

    [IterationSetup(Targets = [nameof(Normalise_2M_regions), nameof(Normalise_2M_regions_one_piece)])]
    public void ImportAgain()
    {
        _imported = Import();
        GC.Collect();
    }

    [Benchmark]
    public Capture Normalise_2M_regions() => CaptureNormalizer.Normalize(_imported);

    [Benchmark]
    public Capture Normalise_2M_regions_one_piece()
    {
        using (RegionHalves.SplittingFrom(int.MaxValue))
            return CaptureNormalizer.Normalize(_imported);
    }

    [Benchmark]
    public CaptureAnalysis Analyse_2M_regions() => CaptureAnalyzer.Analyze(_normalised, [_normalised]);

    [Benchmark]
    public CaptureAnalysis Analyse_2M_regions_one_piece()
    {
        using (RegionHalves.SplittingFrom(int.MaxValue))
            return CaptureAnalyzer.Analyze(_normalised, [_normalised]);
    }

    private CaptureBuilder Import() => LargeMapsInput.Import(_maps);
}

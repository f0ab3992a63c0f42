using BenchmarkDotNet.Attributes;
using Forensics.Analysis;
using Forensics.Analysis.Comparison;
using Forensics.Pipeline;
using Forensics.Reports.Escaping;
using Forensics.TestSupport;

namespace Forensics.Benchmarks;

/// <summary>
/// The compare phase of a batch (<see cref="CaptureComparer.CompareByProgram"/>) over the corpus's captures copied to
/// <see cref="Captures"/> (each copy another input path, as a batch of many hosts' captures is), so that doubling the
/// count shows whether it grows with the count or with its square; and the CSV escaping every cell of a report goes
/// through.
/// </summary>
[MemoryDiagnoser]
public class ComparisonBenchmarks
{
    private CaptureAnalysis[] _analyses = [];
    private string[] _cells = [];

    [Params(1000, 2000)]
    public int Captures { get; set; }

    [GlobalSetup]
    public void ImportCorpus()
    {
        var corpus = new BatchImporter().Import([TestPaths.Corpus]).Captures;
        var analyses = corpus.Select(c => CaptureAnalyzer.Analyze(c, corpus)).ToArray();
        _analyses = [.. Enumerable.Range(0, Captures).Select(index =>
        {
            var analysis = analyses[index % analyses.Length];
            var copy = index / analyses.Length;
            return analysis with
            {
                Capture = analysis.Capture with { Id = analysis.Capture.Id + "-" + copy, InputPath = "host-" + copy + "/" + analysis.Capture.InputPath },
            };
        })];
        _cells = [.. _analyses.SelectMany(a => a.Capture.Regions.Select(r => r.Name ?? "")).Take(100_000)];
    }

    [Benchmark]
    public ComparisonReport CompareByProgram() => CaptureComparer.CompareByProgram(_analyses, []);

    /// <summary>The mapping paths of the first 100,000 regions, each escaped as a CSV cell.</summary>
    [Benchmark]
    public int CsvCells()
    {
        var length = 0;
        foreach (var cell in _cells)
            length += UntrustedText.Csv(cell).Length;
        return length;
    }
}

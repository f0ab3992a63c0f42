using BenchmarkDotNet.Attributes;
using Forensics.Importers.Text;
using Forensics.Model;

namespace Forensics.Benchmarks;

/// <summary>
/// Text parser throughput on a process with 20,026 mappings (<c>corpus/bench</c>, made by <c>src/many_maps.c</c>):
/// 982,396 bytes of maps and 14,319,712 bytes of smaps when the corpus was last made.
/// </summary>
[MemoryDiagnoser]
public class TextImportBenchmarks
{
    private const int RegionCount = 20026;

    private byte[] _maps = [];
    private byte[] _smaps = [];

    [GlobalSetup]
    public void LoadInputs()
    {
        // As a file holds them: the importers read UTF-8 bytes.
        _maps = System.Text.Encoding.UTF8.GetBytes(CorpusInput.ReadXzText("bench", "many-maps.maps.xz"));
        _smaps = System.Text.Encoding.UTF8.GetBytes(CorpusInput.ReadXzText("bench", "many-maps.smaps.xz"));
        // A parser that gave up early would look fast: check every region was read.
        if (Maps_20026_regions().Regions.Count != RegionCount || Smaps_20026_regions().Regions.Count != RegionCount)
            throw new InvalidDataException($"Expected [{RegionCount}] regions from each bench capture.");
    }

    [Benchmark]
    [InputSize("bench", "many-maps.maps.size.txt")]
    public CaptureBuilder Maps_20026_regions() => TextCaptureParsers.ParseUtf8(CaptureFormat.Maps, _maps);

    [Benchmark]
    [InputSize("bench", "many-maps.smaps.size.txt")]
    public CaptureBuilder Smaps_20026_regions() => TextCaptureParsers.ParseUtf8(CaptureFormat.Smaps, _smaps);
}

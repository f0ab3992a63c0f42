using BenchmarkDotNet.Attributes;
using Forensics.Importers.Detection;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Benchmarks;

/// <summary>
/// Decompressing the corpus's 14 MB smaps (<c>many-maps.smaps.xz</c>) and its crash core in each container through
/// <see cref="DecompressionStream"/>, as an import does (native liblzma for xz), to compare with <c>xz -dc</c> and the like.
/// </summary>
[MemoryDiagnoser]
public class DecompressionBenchmarks
{
    private byte[] _compressed = [];

    [Params("bench/many-maps.smaps.xz", "crash-null/core.xz", "crash-null/core.gz", "crash-null/core.zst", "crash-null/core.lz4")]
    public string Input { get; set; } = "";

    [GlobalSetup]
    public void ReadInput() => _compressed = File.ReadAllBytes(TestPaths.CorpusFile(Input.Split('/')));

    [Benchmark]
    public long Decompress() => Decompress(new MemoryStream(_compressed), FormatOf(Input));

    /// <summary>Decompresses <paramref name="compressed"/> as an import does; returns the bytes it gave.</summary>
    public static long Decompress(Stream compressed, CompressionFormat format)
    {
        using var stream = DecompressionStream.Open(compressed, format, new DiagnosticBag());
        stream.CopyTo(Stream.Null);
        return stream.Position;
    }

    public static CompressionFormat FormatOf(string path) => Path.GetExtension(path) switch
    {
        ".xz" => CompressionFormat.Xz,
        ".gz" => CompressionFormat.Gzip,
        ".zst" => CompressionFormat.Zstd,
        _ => CompressionFormat.Lz4,
    };
}

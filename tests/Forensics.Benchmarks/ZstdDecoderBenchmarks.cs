using BenchmarkDotNet.Attributes;
using Forensics.Importers.Detection;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Benchmarks;

/// <summary>
/// The corpus's 14 MB smaps (<c>many-maps.smaps.xz</c> decompressed) compressed as <c>zstd -3</c> would, then decompressed
/// through <see cref="DecompressionStream"/> (the system's libzstd where it is there) and through the managed port it
/// falls back to: whether the native decoder is worth calling. <see cref="SaveForTools"/> writes the same bytes to a
/// file when FORENSICS_ZST_OUT names one, so <c>zstd -dc</c> can be timed on them.
/// </summary>
[MemoryDiagnoser]
public class ZstdDecoderBenchmarks
{
    private byte[] _compressed = [];

    [GlobalSetup]
    public void Compress()
    {
        using var plain = new MemoryStream();
        using (var xz = DecompressionStream.Open(File.OpenRead(TestPaths.CorpusFile("bench", "many-maps.smaps.xz")), CompressionFormat.Xz, new DiagnosticBag()))
            xz.CopyTo(plain);
        using var compressor = new ZstdSharp.Compressor(3);
        _compressed = compressor.Wrap(plain.ToArray()).ToArray();
        SaveForTools();
    }

    [Benchmark(Baseline = true)]
    public long Managed()
    {
        using var stream = new ZstdSharp.DecompressionStream(new MemoryStream(_compressed));
        return Drain(stream);
    }

    [Benchmark]
    public long Native()
    {
        using var stream = DecompressionStream.Open(new MemoryStream(_compressed), CompressionFormat.Zstd, new DiagnosticBag());
        return Drain(stream);
    }

    private void SaveForTools()
    {
        if (Environment.GetEnvironmentVariable("FORENSICS_ZST_OUT") is { Length: > 0 } path)
            File.WriteAllBytes(path, _compressed);
    }

    private static long Drain(Stream stream)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
            total += read;
        return total;
    }
}

using BenchmarkDotNet.Attributes;
using Forensics.Pipeline.Importing;

namespace Forensics.Benchmarks;

/// <summary>
/// SHA-256 of an input as <c>analyze</c> makes it (<see cref="FileHash"/>): 256 MiB of data, and a file of the same
/// length that is one hole, which is not read but still hashed as zeros.
/// </summary>
[MemoryDiagnoser]
public class HashingBenchmarks
{
    private const long Length = 256L << 20;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "forensics-hash-bench-" + Guid.NewGuid().ToString("n"));
    private string _dense = "";
    private string _sparse = "";

    [GlobalSetup]
    public void WriteFiles()
    {
        Directory.CreateDirectory(_folder);
        _dense = Path.Combine(_folder, "dense");
        var chunk = new byte[1 << 20];
        new Random(16).NextBytes(chunk);
        using (var dense = File.Create(_dense))
        {
            for (long written = 0; written < Length; written += chunk.Length)
                dense.Write(chunk);
        }
        _sparse = Path.Combine(_folder, "sparse");
        using var sparse = File.Create(_sparse);
        sparse.SetLength(Length);
    }

    [GlobalCleanup]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true)]
    public FileHash Dense_256MiB() => FileHash.Of(_dense);

    [Benchmark]
    public FileHash Sparse_256MiB() => FileHash.Of(_sparse);
}

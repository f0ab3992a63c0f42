using System.Diagnostics;
using System.Globalization;

namespace Forensics.Benchmarks;

/// <summary>
/// <c>decoder-cpu FILE ROUNDS</c>: the CPU time (user + system) of decompressing FILE from disk ROUNDS times as an
/// import does, per decode, after one decode that loads the library. BenchmarkDotNet gives wall time, which a busy
/// two-core machine inflates; <c>tests/batch/compare-decoders.sh</c> sets this against the CPU time of <c>xz -dc</c>.
/// </summary>
internal static class DecoderCpu
{
    public static void Run(string path, int rounds)
    {
        var format = DecompressionBenchmarks.FormatOf(path);
        var bytes = DecodeFile(path, format);
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        for (var round = 0; round < rounds; round++)
            DecodeFile(path, format);
        process.Refresh();
        var perDecode = (process.TotalProcessorTime - before).TotalMilliseconds / rounds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{perDecode:0.000} ms of CPU per decode of {bytes} bytes ({rounds} rounds)"));
    }

    private static long DecodeFile(string path, Importers.Detection.CompressionFormat format)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        return DecompressionBenchmarks.Decompress(file, format);
    }
}

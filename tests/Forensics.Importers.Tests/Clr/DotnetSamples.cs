using System.Collections.Concurrent;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Clr;

/// <summary>The set-dotnet cores, decompressed once per test run (the with-heap core is 100 MB raw).</summary>
internal static class DotnetSamples
{
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Cores = new(StringComparer.Ordinal);

    public static byte[] Core(string name) =>
        Cores.GetOrAdd(name, n => new Lazy<byte[]>(() => SampleFile.ReadAllBytes(TestPaths.CorpusFile("sets", "set-dotnet", n)))).Value;
}

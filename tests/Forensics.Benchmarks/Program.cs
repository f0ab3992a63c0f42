using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Forensics.Benchmarks;

/// <summary>
/// Runs the import benchmarks: <c>dotnet run -c Release --project tests/Forensics.Benchmarks -- --filter '*'</c>
/// (add <c>--job short</c> for a quick run).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var config = DefaultConfig.Instance.AddColumn(new ThroughputColumn());
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}

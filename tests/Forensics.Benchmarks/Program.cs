using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Forensics.Benchmarks;

/// <summary>
/// Runs the import benchmarks: <c>dotnet run -c Release --project tests/Forensics.Benchmarks -- --filter '*'</c>
/// (add <c>--job short</c> for a quick run); <c>-- decoder-cpu FILE ROUNDS</c> gives a decoder's CPU time (<see cref="DecoderCpu"/>),
/// <c>-- store-cpu ROUNDS</c> the kept result's of the 2,000,000-line maps (<see cref="StoreCpu"/>).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["decoder-cpu", var path, var rounds])
        {
            DecoderCpu.Run(path, int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }
        if (args is ["store-cpu", var storeRounds])
        {
            StoreCpu.Run(int.Parse(storeRounds, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }
        // The generated benchmark project is built by BenchmarkDotNet with a 2-minute limit by default,
        // too short on a busy two-core machine; --inProcess avoids that build altogether.
        var config = DefaultConfig.Instance
            .AddColumn(new ThroughputColumn())
            .WithBuildTimeout(TimeSpan.FromMinutes(10));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}

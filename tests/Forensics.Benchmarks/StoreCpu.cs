using System.Diagnostics;
using System.Globalization;
using Forensics.Pipeline.Importing;
using Forensics.Pipeline.Store;

namespace Forensics.Benchmarks;

/// <summary>
/// <c>store-cpu ROUNDS</c>: the wall and CPU time (user + system) of saving and of loading the kept result of the
/// 2,000,000-line maps, each round in turn, and their medians. The store encodes and decodes the blocks of a large
/// capture on every core: BenchmarkDotNet's wall time alone does not say what that costs in CPU on a busy machine.
/// </summary>
internal static class StoreCpu
{
    public static void Run(int rounds)
    {
        var folder = Directory.CreateTempSubdirectory("forensics-store-cpu-").FullName;
        try
        {
            var input = Path.Combine(folder, "large.maps");
            File.WriteAllBytes(input, LargeMapsInput.Make());
            var result = new InputImporter().ImportInput(input, "large.maps");
            var kept = Path.Combine(folder, "large.fxir");
            InputResultStore.Save(kept, result);
            var saves = new List<(double Wall, double Cpu)>();
            var loads = new List<(double Wall, double Cpu)>();
            for (var round = 0; round < rounds; round++)
            {
                saves.Add(Measure(() => InputResultStore.Save(kept, result)));
                loads.Add(Measure(() =>
                {
                    if (InputResultStore.Load(kept, out var problem)?.Captures[0].Regions.Count != LargeMapsInput.Lines)
                        throw new InvalidDataException($"the kept result of the large maps did not load back: {problem}");
                }));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"save: {Median(saves, s => s.Wall):0.0} ms wall, {Median(saves, s => s.Cpu):0.0} ms CPU; load: {Median(loads, l => l.Wall):0.0} ms wall, {Median(loads, l => l.Cpu):0.0} ms CPU (medians of {rounds}, {new FileInfo(kept).Length} bytes kept)"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (double Wall, double Cpu) Measure(Action action)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        action();
        wall.Stop();
        process.Refresh();
        return (wall.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    private static double Median<T>(List<T> items, Func<T, double> value)
    {
        var sorted = items.Select(value).Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

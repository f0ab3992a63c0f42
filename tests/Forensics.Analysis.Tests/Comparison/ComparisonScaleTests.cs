using System.Diagnostics;
using System.Globalization;
using Forensics.Analysis.Comparison;
using Forensics.Analysis.Comparison.Changes;
using Forensics.Model;
using Forensics.TestSupport;
using Xunit.Abstractions;

namespace Forensics.Analysis.Tests.Comparison;

/// <summary>
/// Measures the process's allocation, which counts every thread's: it runs alone, so other test classes running beside
/// it do not add theirs.
/// </summary>
[CollectionDefinition(nameof(ComparisonScaleTests), DisableParallelization = true)]
public sealed class ComparisonScaleCollection;

[Collection(nameof(ComparisonScaleTests))]
public sealed class ComparisonScaleTests(ITestOutputHelper output)
{
    private const ulong MmapAreaStart = 0x7f0000000000, MmapAreaEnd = 0x7ff000000000;

    [Fact]
    public void Comparing_1000_captures_of_1000_regions_stays_under_a_gibibyte_of_allocation()
    {
        // The first 975 regions of set-big (its program, heap and small mappings) and its last 25 (libraries, stack,
        // kernel pages), as 1000 runs would place them: each run's mmap area 1 MiB lower than the one before.
        var lines = SampleFile.ReadAllText(TestPaths.CorpusFile("sets", "set-big", "maps")).TrimEnd('\n').Split('\n');
        var template = SampleCaptures.FromText(CaptureFormat.Maps, "template", string.Join('\n', lines.Take(975).Concat(lines.TakeLast(25))) + "\n");
        Assert.Equal(1000, template.Regions.Count);
        var captures = new Capture[1000];
        for (var run = 0; run < captures.Length; run++)
            captures[run] = Shifted(template, "run-" + run.ToString("d4", CultureInfo.InvariantCulture), 0x100000UL * (ulong)run);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var analyses = captures.Select(c => CaptureAnalyzer.Analyze(c, captures)).ToArray();
        var analysed = clock.Elapsed;
        var report = CaptureComparer.Compare(analyses, null);
        var compared = clock.Elapsed - analysed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"analyse {analysed.TotalMilliseconds:F0} ms, compare {compared.TotalMilliseconds:F0} ms, allocated {allocated / 1048576} MiB, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB"));

        Assert.True(allocated < 1L << 30, $"analysis and comparison allocated {allocated / 1048576} MiB");
        Assert.Equal(1000, report.CaptureIds.Count);
        Assert.Equal(999, report.Changes.Count(r => r.Subject == ChangeSubject.Layout && r.Kind == ChangeKind.SameLayoutDifferentBases));
        Assert.Equal(999, report.Changes.Count(r => r.Subject == ChangeSubject.Module("/usr/lib/x86_64-linux-gnu/libc.so.6") && r.Kind == ChangeKind.ModulePresent));
    }

    /// <summary>A copy of a normalised capture with its mmap area moved <paramref name="down"/> bytes lower.</summary>
    private static Capture Shifted(Capture template, string id, ulong down)
    {
        static ulong Move(ulong address, ulong down) => address >= MmapAreaStart && address < MmapAreaEnd ? address - down : address;
        return new Capture
        {
            Id = id,
            InputPath = id,
            Format = template.Format,
            Architecture = template.Architecture,
            Regions = [.. template.Regions.Select(region => new Region(Move(region.Start, down), Move(region.Start, down) + region.Size)
            {
                Permissions = region.Permissions,
                Offset = region.Offset,
                Name = region.Name,
                Deleted = region.Deleted,
                Kind = region.Kind,
                Module = region.Module,
            })],
            Modules = [.. template.Modules.Select(module => new Module
            {
                Name = module.Name,
                Path = module.Path,
                Base = Move(module.Base, down),
                End = Move(module.Base, down) + module.Size,
                IsMainExecutable = module.IsMainExecutable,
            })],
        };
    }
}

using System.Text.Json;
using Forensics.Importers.Text;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Text;

/// <summary>Every text capture of every tool set, against the facts computed for it (sets/facts.json).</summary>
public sealed class LocalSampleSweepTests
{
    public static TheoryData<string, string, CaptureFormat> Captures()
    {
        var data = new TheoryData<string, string, CaptureFormat>();
        string[] sets = ["set-hello", "set-crash-null", "set-crash-abort", "set-dotnet", "set-big",
            "set-system/gdb", "set-system/perl", "set-system/python3", "set-system/sleep"];
        (string File, CaptureFormat Format)[] files =
        [
            ("maps", CaptureFormat.Maps), ("smaps", CaptureFormat.Smaps), ("pmap.txt", CaptureFormat.Pmap),
            ("pmap-x.txt", CaptureFormat.PmapExtended), ("pmap-X.txt", CaptureFormat.PmapExtended),
            ("pmap-XX.txt", CaptureFormat.PmapExtended), ("pmap-d.txt", CaptureFormat.PmapExtended),
            ("gdb-mappings.txt", CaptureFormat.Gdb),
        ];
        foreach (var set in sets)
        {
            foreach (var (file, format) in files)
            {
                // set-big keeps only maps, pmap, pmap -x, pmap -d and gdb (MANIFEST.md).
                if (set == "set-big" && file is "smaps" or "pmap-X.txt" or "pmap-XX.txt")
                    continue;
                data.Add(set, file, format);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Local_sample_parses_cleanly_with_the_manifest_region_count_and_totals(string set, string file, CaptureFormat format)
    {
        using var facts = JsonDocument.Parse(File.ReadAllText(TestPaths.CorpusFile("sets", "facts.json")));
        var setFacts = facts.RootElement.GetProperty(set);
        var expectedRegions = setFacts.GetProperty("maps").GetProperty("lines").GetInt32();
        var totalKib = setFacts.GetProperty("maps").GetProperty("total_kib").GetUInt64();

        var capture = TextSamples.Parse(TextSamples.Local(set, file), format);

        Assert.DoesNotContain(capture.Diagnostics.Items, d => d.Severity != DiagnosticSeverity.Info);
        Assert.Equal(expectedRegions, capture.Regions.Count);
        Assert.Equal(totalKib * 1024, capture.MappedBytes);
        Assert.All(capture.DeclaredTotals, t => Assert.True(t.Matches, t.Name));
        if (format != CaptureFormat.Maps && format != CaptureFormat.Smaps)
        {
            var header = setFacts.GetProperty("pmap.txt").GetProperty("header").GetString()!;
            Assert.Equal(int.Parse(header[..header.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture), capture.Pid);
        }
        if (file is "pmap.txt" or "pmap-x.txt" or "pmap-d.txt")
            Assert.Equal(totalKib * 1024, capture.DeclaredTotals[0].DeclaredBytes);
    }
}

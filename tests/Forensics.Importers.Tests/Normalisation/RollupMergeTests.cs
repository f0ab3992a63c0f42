using Forensics.Importers.Normalisation;
using Forensics.Model;

namespace Forensics.Importers.Tests.Normalisation;

/// <summary>
/// A smaps_rollup joins the smaps of the same process instance (its header range is the smaps' first start and last
/// end), and its totals are checked against the sums of the smaps records.
/// </summary>
public class RollupMergeTests
{
    private static DeclaredTotal Total(Capture capture, string key) => capture.DeclaredTotals.Single(t => t.Name == "smaps_rollup " + key);

    [Fact]
    public void Live_rollup_merges_with_its_smaps_and_every_total_smaps_gives_matches()
    {
        var smaps = NormalisedSamples.Load(CaptureFormat.Smaps, "live", "smaps");
        var rollup = NormalisedSamples.Load(CaptureFormat.SmapsRollup, "live", "smaps_rollup");

        var merged = Assert.Single(InstanceMerger.Merge([smaps, rollup]));

        Assert.Equal(["live/smaps", "live/smaps_rollup"], merged.MergedInputs);
        Assert.Equal((CaptureFormat.Smaps, 33), (merged.Format, merged.Regions.Count));
        Assert.Equal(2632UL * 1024, merged.Totals!.Rss);
        Assert.Equal((2632UL * 1024, (ulong?)(2632UL * 1024), true), (Total(merged, "Rss").DeclaredBytes, Total(merged, "Rss").ComputedBytes, Total(merged, "Rss").Matches));
        Assert.Equal((1206UL * 1024, (ulong?)(1206UL * 1024), true), (Total(merged, "Pss").DeclaredBytes, Total(merged, "Pss").ComputedBytes, Total(merged, "Pss").Matches));
        Assert.Equal((1168UL * 1024, true), (Total(merged, "Private_Dirty").DeclaredBytes, Total(merged, "Private_Dirty").Matches));
        // smaps records have no Pss_Anon/Pss_File/Pss_Shmem: only the rollup gives them, so they cannot be checked.
        Assert.Equal((1144UL * 1024, false, (ulong?)null), (Total(merged, "Pss_Anon").DeclaredBytes, Total(merged, "Pss_Anon").Checkable, Total(merged, "Pss_Anon").ComputedBytes));
        Assert.Equal(13, merged.DeclaredTotals.Count(t => t.Checkable && t.Matches));
        Assert.DoesNotContain(merged.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.RollupTotalMismatch.Id || d.Id.StartsWith("FX502", StringComparison.Ordinal));
    }

    [Fact]
    public void Rollup_pss_is_rounded_once_and_may_exceed_the_sum_of_the_records()
    {
        var smaps = NormalisedSamples.Load(CaptureFormat.Smaps, "sets", "set-crash-null", "smaps");
        var rollup = NormalisedSamples.Load(CaptureFormat.SmapsRollup, "sets", "set-crash-null", "smaps_rollup");

        var merged = Assert.Single(InstanceMerger.Merge([rollup, smaps]));

        // The kernel sums Pss in fractions of a page and rounds the rollup once: 287 kB, against 286 kB from 29 records.
        var pss = Total(merged, "Pss");
        Assert.Equal((287UL * 1024, (ulong?)(286UL * 1024), true), (pss.DeclaredBytes, pss.ComputedBytes, pss.Matches));
        Assert.True(Total(merged, "Rss").Matches);
    }

    [Fact]
    public void Prometheus_rollup_whose_range_ends_after_the_vsyscall_page_merges_with_its_smaps()
    {
        string[] folder = ["public", "text"];
        var smaps = NormalisedSamples.Load(CaptureFormat.Smaps, [.. folder, "prometheus-procfs_26231_smaps"]);
        var rollup = NormalisedSamples.Load(CaptureFormat.SmapsRollup, [.. folder, "prometheus-procfs_26231_smaps_rollup"]);

        var merged = Assert.Single(InstanceMerger.Merge([smaps, rollup]));

        Assert.Equal((0x400000UL, 0xffffffffff601000UL), merged.TotalsRange);
        Assert.Equal((29948UL * 1024, true), (Total(merged, "Rss").DeclaredBytes, Total(merged, "Rss").Matches));
        Assert.Equal((1940UL * 1024, true), (Total(merged, "Swap").DeclaredBytes, Total(merged, "Swap").Matches));
    }

    [Fact]
    public void A_rollup_that_disagrees_with_its_smaps_is_a_warning_at_its_line()
    {
        var smaps = NormalisedSamples.Load(CaptureFormat.Smaps, "live", "smaps");
        // live/smaps_rollup with Rss 2632 kB changed to 2732 kB: the defect a rollup of another moment would show.
        var text = Forensics.TestSupport.SampleFile.ReadAllText(Forensics.TestSupport.TestPaths.CorpusFile("live", "smaps_rollup"))
            .Replace("Rss:                2632 kB", "Rss:                2732 kB", StringComparison.Ordinal);
        var rollup = CaptureNormalizer.Normalize(NormalisedSamples.ParseText(CaptureFormat.SmapsRollup, text, "live", "smaps_rollup"));

        var merged = Assert.Single(InstanceMerger.Merge([smaps, rollup]));

        Assert.False(Total(merged, "Rss").Matches);
        var warning = Assert.Single(merged.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.RollupTotalMismatch.Id);
        Assert.Equal(SourceLocation.AtLine(2), warning.Location);
        Assert.Equal("smaps_rollup declares Rss [2732] KiB but the smaps records add up to [2632] KiB", warning.Message);
    }

    [Fact]
    public void A_rollup_of_another_instance_stays_apart()
    {
        var smaps = NormalisedSamples.Load(CaptureFormat.Smaps, "live", "smaps");
        var rollup = NormalisedSamples.Load(CaptureFormat.SmapsRollup, "sets", "set-hello", "smaps_rollup");

        Assert.Equal(2, InstanceMerger.Merge([smaps, rollup]).Count);
    }
}

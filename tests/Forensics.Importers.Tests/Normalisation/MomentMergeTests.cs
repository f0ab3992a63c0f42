using Forensics.Importers.Core;
using Forensics.Importers.Normalisation;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Normalisation;

/// <summary>
/// A maps saved just before a crash beside the kernel's core: merged when the core only grew from it (changed between
/// captures), else kept apart with a diagnostic naming the range that differed.
/// </summary>
public sealed class MomentMergeTests
{
    private static Capture LoadCore(params string[] parts)
    {
        using var stream = new MemoryStream(SampleFile.ReadAllBytes(TestPaths.CorpusFile(parts)));
        var built = CoreImporter.Import(stream, string.Join('/', parts));
        built.Id = string.Join('-', parts);
        return CaptureNormalizer.Normalize(built);
    }

    [Fact]
    public void The_maps_saved_before_a_failed_assert_merges_with_its_core_and_lists_the_page_abort_added()
    {
        var maps = NormalisedSamples.Load(CaptureFormat.Maps, "crash-assert", "maps.self");
        var core = LoadCore("crash-assert", "core.xz");

        var merged = Assert.Single(InstanceMerger.Merge([maps, core]));

        Assert.Equal(["crash-assert/core.xz", "crash-assert/maps.self"], merged.MergedInputs);
        Assert.Equal((CaptureFormat.Core, 18382, 25), (merged.Format, merged.Pid, merged.Regions.Count));
        // __assert_fail's message buffer: glibc mmaps a page that the kernel joins to the mapping below it.
        var grown = merged.RegionAt(0x7f5b1499d000);
        Assert.Equal((0x7f5b149a0000UL, "rw-?"), (grown.End, grown.Permissions.ToString()));
        var change = Assert.Single(merged.Diagnostics.Items, d => d.Id == "FX5027");
        Assert.Equal((DiagnosticSeverity.Info, SourceLocation.AtLine(15)), (change.Severity, change.Location));
        Assert.Equal(
            "changed between captures: range [0x7f5b1499e000-0x7f5b149a0000] [rw-p] (anonymous) of [maps crash-assert/maps.self line 15] is [0x7f5b1499d000-0x7f5b149a0000] in [core crash-assert/core.xz]: [4096] bytes more",
            change.Message);
        Assert.DoesNotContain(merged.Diagnostics.Items, d => d.Id is "FX5020" or "FX5021" or "FX5028");
    }

    [Fact]
    public void A_writable_range_that_moved_keeps_the_maps_apart_and_is_named()
    {
        // crash-assert's maps with the mapping abort grew moved down a page: growth cannot explain it.
        var core = LoadCore("crash-assert", "core.xz");
        var text = File.ReadAllText(TestPaths.CorpusFile("crash-assert", "maps.self"))
            .Replace("7f5b1499e000-7f5b149a0000", "7f5b1499c000-7f5b1499e000", StringComparison.Ordinal);
        var maps = CaptureNormalizer.Normalize(NormalisedSamples.ParseText(CaptureFormat.Maps, text, "crash-assert", "maps.self"));

        var result = InstanceMerger.Merge([maps, core]);

        Assert.Equal(2, result.Count);
        var note = Assert.Single(result.Single(c => c.Format == CaptureFormat.Maps).Diagnostics.Items, d => d.Id == "FX5028");
        Assert.Equal(SourceLocation.AtLine(15), note.Location);
        Assert.Equal(
            "not merged with [core crash-assert/core.xz] of the same process: range [0x7f5b1499c000-0x7f5b1499e000] [rw-p] (anonymous) of [maps crash-assert/maps.self line 15], "
            + "which is [0x7f5b1499d000-0x7f5b149a0000] in [core crash-assert/core.xz], is not held by a range of the core: the process unmapped, moved or shrank it between the two captures, which growth alone does not do",
            note.Message);
        Assert.DoesNotContain(result.Single(c => c.Format == CaptureFormat.Core).Diagnostics.Items, d => d.Id == "FX5028");
    }

    [Fact]
    public void The_maps_a_dotnet_program_saved_before_its_unhandled_exception_is_kept_apart_from_createdump_s_core_and_says_why()
    {
        var maps = NormalisedSamples.Load(CaptureFormat.Maps, "dotnet", "maps.self");
        var core = LoadCore("dotnet", "dotnet-crash.core.xz");

        var result = InstanceMerger.Merge([maps, core]);

        Assert.Equal(2, result.Count);
        var note = Assert.Single(result.Single(c => c.Format == CaptureFormat.Maps).Diagnostics.Items, d => d.Id == "FX5028");
        // createdump writes a mapping in pieces (the pages it dumped, the pages it did not), so few ranges match whole.
        Assert.Equal(SourceLocation.AtLine(1), note.Location);
        Assert.Equal(
            "not merged with [core dotnet/dotnet-crash.core.xz] of the same process: only [51] of the [111] file-backed ranges of [maps dotnet/maps.self] are at the same addresses in [core dotnet/dotnet-crash.core.xz] ([80]% needed); "
            + "the first that is not: [0x556cd992e000-0x556cd9934000] [/usr/share/dotnet/dotnet] of [maps dotnet/maps.self line 1], which is split into [3] ranges in [core dotnet/dotnet-crash.core.xz]",
            note.Message);
    }
}

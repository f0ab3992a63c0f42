using Forensics.Importers.Normalisation;
using Forensics.Model;

namespace Forensics.Importers.Tests.Normalisation;

public class InstanceMergerTests
{
    private static readonly string[] CrashNull = ["sets", "set-crash-null"];

    private static Capture Load(CaptureFormat format, string[] set, string file) => NormalisedSamples.Load(format, [.. set, file]);

    [Fact]
    public void Maps_pmap_and_gdb_of_one_process_merge_into_one_capture_without_disagreements()
    {
        var gdb = Load(CaptureFormat.Gdb, CrashNull, "gdb-mappings.txt");
        var maps = Load(CaptureFormat.Maps, CrashNull, "maps");
        var pmap = Load(CaptureFormat.Pmap, CrashNull, "pmap.txt");

        var merged = Assert.Single(InstanceMerger.Merge([pmap, maps, gdb]));

        Assert.Equal(["sets/set-crash-null/gdb-mappings.txt", "sets/set-crash-null/maps", "sets/set-crash-null/pmap.txt"], merged.MergedInputs);
        Assert.Equal(("sets/set-crash-null/gdb-mappings.txt", CaptureFormat.Maps, 16579), (merged.InputPath, merged.Format, merged.Pid));
        Assert.Equal(29, merged.Regions.Count);
        Assert.DoesNotContain(merged.Diagnostics.Items, d => d.Id.StartsWith("FX502", StringComparison.Ordinal));
        Assert.All(merged.Regions, r => Assert.Equal(RegionSources.Maps | RegionSources.Pmap | RegionSources.Gdb, r.Sources));

        var libcText = merged.RegionAt(0x7ffb9b8a2000);
        Assert.Equal(
            ("/usr/lib/x86_64-linux-gnu/libc.so.6", false, "r-xp", "fe:00", 332096UL, RegionKind.Text, "libc.so.6"),
            (libcText.Name, libcText.NameIsBasename, libcText.Permissions.ToString(), libcText.Device, libcText.Inode!.Value, libcText.Kind, libcText.Module));
        Assert.Equal(
            ["crash_null", "libc.so.6", "[vdso]", "ld-linux-x86-64.so.2"],
            merged.Modules.Select(m => m.Name));
        Assert.Equal(Architecture.X86_64, merged.Architecture);
    }

    [Fact]
    public void Smaps_supplies_metrics_and_pmap_d_devices_agree_with_maps()
    {
        string[] hello = ["sets", "set-hello"];
        var captures = new[]
        {
            Load(CaptureFormat.Maps, hello, "maps"),
            Load(CaptureFormat.Smaps, hello, "smaps"),
            Load(CaptureFormat.PmapExtended, hello, "pmap-d.txt"),
            Load(CaptureFormat.PmapExtended, hello, "pmap-x.txt"),
        };

        var merged = Assert.Single(InstanceMerger.Merge(captures));

        Assert.Equal(CaptureFormat.Smaps, merged.Format);
        Assert.Equal(39, merged.Regions.Count);
        Assert.DoesNotContain(merged.Diagnostics.Items, d => d.Id.StartsWith("FX502", StringComparison.Ordinal));
        Assert.Equal(2716UL * 1024, merged.Regions.Aggregate(0UL, (sum, r) => sum + (r.Metrics?.Rss ?? 0)));
        Assert.Equal(RegionKind.ThreadStack, merged.RegionAt(0x7f1f1d6af000).Kind);
    }

    [Fact]
    public void Two_different_processes_stay_apart()
    {
        var hello = NormalisedSamples.Load(CaptureFormat.Maps, "sets", "set-hello", "maps");
        var crash = Load(CaptureFormat.Maps, CrashNull, "maps");

        var result = InstanceMerger.Merge([hello, crash]);

        Assert.Equal(["sets/set-crash-null/maps", "sets/set-hello/maps"], result.Select(c => c.InputPath));
        Assert.Same(crash, result[0]);
        Assert.Same(hello, result[1]);
        Assert.All(result, c => Assert.Empty(c.MergedInputs));
    }

    [Fact]
    public void A_changed_permission_is_reported_naming_both_inputs()
    {
        var maps = Load(CaptureFormat.Maps, CrashNull, "maps");
        var gdbText = File.ReadAllText(Forensics.TestSupport.TestPaths.CorpusFile("sets", "set-crash-null", "gdb-mappings.txt"))
            .Replace("0x1000     0x1000  r-xp", "0x1000     0x1000  rwxp", StringComparison.Ordinal);
        var builtGdb = NormalisedSamples.ParseText(CaptureFormat.Gdb, gdbText, "sets", "set-crash-null", "gdb-mappings.txt");
        var gdb = CaptureNormalizer.Normalize(builtGdb);

        var merged = Assert.Single(InstanceMerger.Merge([maps, gdb]));

        var diagnostic = Assert.Single(merged.Diagnostics.Items, d => d.Id.StartsWith("FX502", StringComparison.Ordinal));
        Assert.Equal(DiagnosticCatalogue.MergePermissions.Id, diagnostic.Id);
        Assert.Equal(
            "range [0x55a0787aa000-0x55a0787ab000] has permissions [r-xp] and [rwxp] in [maps sets/set-crash-null/maps line 2] and [gdb sets/set-crash-null/gdb-mappings.txt line 11]",
            diagnostic.Message);
        Assert.Equal("r-xp", merged.RegionAt(0x55a0787aa000).Permissions.ToString());
    }

    [Fact]
    public void A_range_only_one_source_has_is_reported_and_kept()
    {
        var maps = Load(CaptureFormat.Maps, CrashNull, "maps");
        var lines = File.ReadAllLines(Forensics.TestSupport.TestPaths.CorpusFile("sets", "set-crash-null", "pmap.txt")).ToList();
        var guardRow = lines.FindIndex(l => l.StartsWith("00007ffb9a7f6000", StringComparison.Ordinal));
        var removed = lines[guardRow];
        lines.RemoveAt(guardRow);
        var builtPmap = NormalisedSamples.ParseText(CaptureFormat.Pmap, string.Join('\n', lines) + "\n", "sets", "set-crash-null", "pmap.txt");
        var pmap = CaptureNormalizer.Normalize(builtPmap);

        var merged = Assert.Single(InstanceMerger.Merge([maps, pmap]));

        Assert.Equal(29, merged.Regions.Count);
        var diagnostic = Assert.Single(merged.Diagnostics.Items, d => d.Id.StartsWith("FX502", StringComparison.Ordinal) && d.Id != DiagnosticCatalogue.MergedInputDiagnostic.Id);
        Assert.Equal(DiagnosticCatalogue.MergeRangeMissing.Id, diagnostic.Id);
        Assert.Equal("00007ffb9a7f6000      4K -----   [ anon ]", removed);
        Assert.Equal(
            "range [0x7ffb9a7f6000-0x7ffb9a7f7000] (anonymous) is in [maps sets/set-crash-null/maps line 8] but not in [pmap sets/set-crash-null/pmap.txt]",
            diagnostic.Message);
        Assert.Equal(RegionKind.Guard, merged.RegionAt(0x7ffb9a7f6000).Kind);
    }

    [Fact]
    public void A_capture_without_one_of_the_writable_anonymous_ranges_is_another_moment_and_stays_apart()
    {
        var maps = Load(CaptureFormat.Maps, CrashNull, "maps");
        var lines = File.ReadAllLines(Forensics.TestSupport.TestPaths.CorpusFile("sets", "set-crash-null", "pmap.txt"))
            .Where(l => !l.StartsWith("000055a0787ae000", StringComparison.Ordinal));
        var builtPmap = NormalisedSamples.ParseText(CaptureFormat.Pmap, string.Join('\n', lines) + "\n", "sets", "set-crash-null", "pmap.txt");
        var pmap = CaptureNormalizer.Normalize(builtPmap);

        Assert.Equal(2, InstanceMerger.Merge([maps, pmap]).Count);
    }
}

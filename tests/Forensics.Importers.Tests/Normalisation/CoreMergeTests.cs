using Forensics.Importers.Core;
using Forensics.Importers.Normalisation;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Normalisation;

public class CoreMergeTests
{
    private static readonly Lazy<Capture> CrashNullCore = new(() => LoadCore("set-crash-null", "core.xz"));
    private static readonly Lazy<Capture> CrashNullGcore = new(() => LoadCore("set-crash-null", "gcore.core.xz"));

    private static Capture LoadCore(string set, string file)
    {
        using var stream = new MemoryStream(SampleFile.ReadAllBytes(TestPaths.CorpusFile("sets", set, file)));
        var builtCapture = CoreImporter.Import(stream, $"sets/{set}/{file}");
        var capture = CaptureNormalizer.Normalize(builtCapture);
        return capture;
    }

    [Fact]
    public void Kernel_core_and_its_maps_merge_with_no_disagreement()
    {
        var maps = NormalisedSamples.Load(CaptureFormat.Maps, "sets", "set-crash-null", "maps");

        var merged = Assert.Single(InstanceMerger.Merge([maps, CrashNullCore.Value]));

        Assert.Equal(["sets/set-crash-null/core.xz", "sets/set-crash-null/maps"], merged.MergedInputs);
        Assert.Equal((CaptureFormat.Core, 29, 3, 11, 0x10UL), (merged.Format, merged.Regions.Count, merged.Threads.Count, merged.Signal!.Number, merged.Signal.FaultAddress!.Value));
        Assert.DoesNotContain(merged.Diagnostics.Items, d => d.Id.StartsWith("FX502", StringComparison.Ordinal));

        // libc's text: not dumped (p_filesz 0), named by NT_FILE and maps, device and inode from maps.
        var libcText = merged.RegionAt(0x7ffb9b8a2000);
        Assert.Equal(
            ("/usr/lib/x86_64-linux-gnu/libc.so.6", "r-xp", 0x26000UL, "fe:00", 332096UL, 0UL, RegionKind.Text, "libc.so.6"),
            (libcText.Name, libcText.Permissions.ToString(), libcText.Offset!.Value, libcText.Device, libcText.Inode!.Value, libcText.DumpedBytes!.Value, libcText.Kind, libcText.Module));
        Assert.Equal(RegionSources.CoreLoad | RegionSources.CoreFile | RegionSources.Maps, libcText.Sources);
        // The core cannot name [vvar]; maps does.
        var vvar = merged.RegionAt(0x7ffb9ba6a000);
        Assert.Equal(("[vvar]", RegionKind.Vvar, 0x4000UL), (vvar.Name, vvar.Kind, vvar.DumpedBytes!.Value));

        Assert.Equal(
            [("crash_null", true, "ff6d56e99126dc0fcf819ca53eb6f78de7cc0020"), ("libc.so.6", false, "93ac61ec5a8eb1396f9fbd350e3169a558528a40"),
             ("[vdso]", false, "e17735e083bee5962b452ede4e28f9520fb75fa7"), ("ld-linux-x86-64.so.2", false, "7ebc65e52f2bbea498b4040fa92f7238377aaba9")],
            merged.Modules.Select(m => (m.Name, m.IsMainExecutable, m.BuildId)));
        Assert.Equal(Architecture.X86_64, merged.Architecture);
        Assert.Equal("ELF header: ELFCLASS64, e_machine EM_X86_64 (62)", merged.ArchitectureEvidence[0]);
        Assert.Single(merged.ArchitectureEvidence, e => e.Contains("regions above 4 GiB", StringComparison.Ordinal));
    }

    [Fact]
    public void Gcore_and_maps_disagree_only_on_the_vvar_pages_gcore_leaves_out()
    {
        var maps = NormalisedSamples.Load(CaptureFormat.Maps, "sets", "set-crash-null", "maps");

        var merged = Assert.Single(InstanceMerger.Merge([maps, CrashNullGcore.Value]));

        Assert.Equal(29, merged.Regions.Count);
        Assert.Equal(
            [
                "range [0x7ffb9ba6a000-0x7ffb9ba6e000] [[vvar]] is in [maps sets/set-crash-null/maps line 20] but not in [core sets/set-crash-null/gcore.core.xz]",
                "range [0x7ffb9ba6e000-0x7ffb9ba70000] [[vvar_vclock]] is in [maps sets/set-crash-null/maps line 21] but not in [core sets/set-crash-null/gcore.core.xz]",
            ],
            merged.Diagnostics.Items.Where(d => d.Id.StartsWith("FX502", StringComparison.Ordinal)).Select(d => d.Message));
        Assert.Equal(RegionKind.Vvar, merged.RegionAt(0x7ffb9ba6a000).Kind);
    }

    [Fact]
    public void Two_cores_of_one_instance_stay_apart_and_the_text_joins_the_first()
    {
        var maps = NormalisedSamples.Load(CaptureFormat.Maps, "sets", "set-crash-null", "maps");

        var result = InstanceMerger.Merge([CrashNullGcore.Value, maps, CrashNullCore.Value]);

        Assert.Equal(2, result.Count);
        Assert.Equal(["sets/set-crash-null/core.xz", "sets/set-crash-null/maps"], result[0].MergedInputs);
        Assert.Same(CrashNullGcore.Value, result[1]);
    }
}

using Forensics.Elf;
using Forensics.Elf.Sources;
using Forensics.Importers.Core;
using Forensics.Importers.Detection;
using Forensics.Pipeline;
using Forensics.Pipeline.Importing;
using Forensics.Importers.Tests.Detection;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Core;

/// <summary>
/// Issue 13, point 2: a few-KB core whose NT_FILE repeats one whole-space entry over thousands of PT_LOADs. The
/// regions and the work grow with segments + entries, and the batch around it is read whole.
/// </summary>
public class HostileCoreTests
{
    private const int Segments = 2000, Entries = 2000;

    /// <summary>Segments of one page with a page-sized gap between each two, and identical entries over all of them.</summary>
    private static byte[] BlowUpCore(int segments = Segments, int entries = Entries)
    {
        var builder = new ElfCoreBuilder().PrStatus(1, 11, 0x10000000, 0x10000000);
        for (var index = 0; index < segments; index++)
            builder.Segment(0x10000000 + ((ulong)index * 0x2000), 0x1000, 5);
        return builder.FileNote(0x1000, Enumerable.Repeat((0x1000UL, 0x7fff_ffff_f000UL, 0UL, "/x"), entries).ToArray()).Build();
    }

    [Fact]
    public void Identical_entries_over_many_segments_make_regions_in_proportion_to_the_input()
    {
        var bytes = BlowUpCore();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var capture = CoreImporter.Import(new MemoryByteSource(bytes), "blowup.core", CoreLimits.Default);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // One entry is kept: a named region per segment and one for each gap around them. Merging each entry with
        // each segment made [Entries × (Segments + 1)] regions, 4 million, and allocated about 700 MB.
        Assert.Equal((2 * Segments) + 1, capture.Regions.Count);
        Assert.True(capture.Regions.Count <= 2 * (Segments + Entries));
        Assert.True(allocated < 8L << 20, $"[{allocated}] bytes allocated for a [{bytes.Length}]-byte core");
        Assert.All(capture.Regions, r => Assert.Equal("/x", r.Name));
        var overlap = Assert.Single(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.FileEntriesOverlap.Id);
        Assert.Equal(DiagnosticSeverity.Error, overlap.Severity);
        Assert.Contains($"[{Entries - 1}] NT_FILE entries overlap an earlier entry", overlap.Message, StringComparison.Ordinal);
        Assert.NotNull(overlap.Location.Offset);
    }

    [Fact]
    public void The_work_grows_with_the_input_not_with_segments_times_entries()
    {
        // Allocation stands for the work: a product of the counts would allocate 16 times as much for 4 times the input.
        long PerInputByte(int count)
        {
            var bytes = BlowUpCore(count, count);
            var before = GC.GetAllocatedBytesForCurrentThread();
            CoreImporter.Import(new MemoryByteSource(bytes), "blowup.core", CoreLimits.Default);
            return (GC.GetAllocatedBytesForCurrentThread() - before) / bytes.Length;
        }
        PerInputByte(100);

        var small = PerInputByte(1000);
        var large = PerInputByte(4000);

        Assert.True(large <= 2 * small && large < 50, $"[{small}] bytes allocated per input byte for 1,000 segments and entries, [{large}] for 4,000");
    }

    [Fact]
    public void The_blow_up_core_is_corrupt_and_the_rest_of_the_batch_is_whole()
    {
        using var folder = new TemporaryFolder();
        folder.Write("evidence.core.gz", Compressors.Gzip(BlowUpCore()));
        folder.Write("good.maps", "00400000-00401000 r-xp 00000000 08:01 11 /bin/good\n7ffd0000-7ffd1000 rw-p 00000000 00:00 0 [stack]\n");
        var importer = new BatchImporter(new ImportOptions { FileAllocationLimit = 64L << 20, MergeInstances = false });

        var batch = importer.Import([folder.Path]);

        var core = Assert.Single(batch.Inputs, i => i.Path == "evidence.core.gz");
        Assert.Equal((InputStatus.Partial, InputProblem.Corrupt), (core.Status, core.Problem));
        Assert.Equal((2 * Segments) + 1, Assert.Single(batch.Captures, c => c.InputPath == "evidence.core.gz").Regions.Count);
        var good = Assert.Single(batch.Inputs, i => i.Path == "good.maps");
        Assert.Equal((InputStatus.Ok, InputProblem.None), (good.Status, good.Problem));
        Assert.Equal(2, Assert.Single(batch.Captures, c => c.InputPath == "good.maps").Regions.Count);
    }
}

using Forensics.Importers.Normalisation;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Normalisation;

/// <summary>
/// Paths a real writer cut (issue 14, class 5): corpus/long-paths, two libraries of one 1,049-character folder
/// (liblong2.so at 0x7f9fdfb51000, inode 11805915; liblong1.so at 0x7f9fdfb56000, inode 11805914) as procps-ng pmap
/// 4.0.2 printed them, its 1024-byte line buffer cutting each path inside the fifth folder (docs/formats.md#pmap-long-paths).
/// Two files are never one module, and a module whose name was cut says so.
/// </summary>
public sealed class CutPathTests
{
    // liblong1.so ends with its data page at 0x7f9fdfb5b000: its PT_LOADs end at 0x4010 (p_memsz), inside that page, so
    // the two anonymous pages after it are not its bss (docs/region-model.md#modules).
    private const ulong Library2 = 0x7f9fdfb51000, Library1 = 0x7f9fdfb56000, Library1End = 0x7f9fdfb5b000;

    private static Capture Load(CaptureFormat format, string file) => NormalisedSamples.Load(format, "long-paths", file);

    private static Capture LoadBadInput(CaptureFormat format, string file) =>
        CaptureNormalizer.Normalize(NormalisedSamples.ParseText(format, SampleFile.ReadAllText(Path.Combine(TestPaths.BadInputs, file)), "bad-inputs", file));

    private static (string Name, ulong Base, ulong End, bool Truncated)[] Libraries(Capture capture) =>
        [.. capture.Modules.Where(m => m.Base is >= Library2 and < Library1End).Select(m => (m.Name, m.Base, m.End, m.PathTruncated))];

    [Fact]
    public void The_kernels_maps_names_both_libraries_whole()
    {
        var capture = Load(CaptureFormat.Maps, "maps");

        Assert.Equal([("liblong2.so", Library2, Library1, false), ("liblong1.so", Library1, Library1End, false)], Libraries(capture));
        var after = capture.Regions.Single(r => r.Start == Library1End);
        Assert.Equal((0x7f9fdfb5d000UL, RegionKind.Anon, (string?)null), (after.End, after.Kind, after.Module));
        Assert.Empty(capture.Diagnostics.Items);
    }

    [Fact]
    public void Pmap_x_upper_names_both_libraries_by_the_same_cut_folder_name_and_they_stay_two_modules_flagged_truncated()
    {
        // -X reads the name with %127[^\n]: the basename of the path's first 127 characters, 94 characters of folder-1.
        var capture = Load(CaptureFormat.PmapExtended, "pmap-X.txt");
        var cut = "folder-1-" + string.Concat(Enumerable.Repeat("abcdefghij", 8)) + "abcde";

        Assert.Equal([(cut, Library2, Library1, true), (cut + " #2", Library1, Library1End, true)], Libraries(capture));
        Assert.Equal([11805915UL, 11805914UL], capture.Regions.Where(r => r.Name == cut && r.Offset == 0).Select(r => r.Inode!.Value));
    }

    [Theory]
    [InlineData(CaptureFormat.Pmap, "pmap-p.txt", "liblong2.so", "liblong1.so")]
    [InlineData(CaptureFormat.Pmap, "pmap.txt", "…liblong2.so", "…liblong1.so")]
    [InlineData(CaptureFormat.PmapExtended, "pmap-d.txt", "…liblong2.so", "…liblong1.so")]
    public void The_rest_of_each_cut_line_names_its_library_and_the_two_are_two_modules_flagged_truncated(CaptureFormat format, string file, string end2, string end1)
    {
        var capture = Load(format, file);

        var libraries = Libraries(capture);
        Assert.Equal([(Library2, Library1, true), (Library1, Library1End, true)], libraries.Select(m => (m.Base, m.End, m.Truncated)));
        Assert.EndsWith(end2, libraries[0].Name, StringComparison.Ordinal);
        Assert.EndsWith(end1, libraries[1].Name, StringComparison.Ordinal);
        // Ten mappings, each followed by the row pmap printed from the rest of its line: one warning each, nothing lost.
        Assert.Equal(10, capture.Diagnostics.Items.Count(d => d.Id == DiagnosticCatalogue.PmapLineCut.Id));
        Assert.False(capture.Diagnostics.HasErrors);
        Assert.Equal(10, capture.Regions.Count(r => r.NameTruncated));
        Assert.DoesNotContain(capture.Regions, r => r.Start < 0x1000);
        Assert.DoesNotContain(capture.Modules, m => m.Base < 0x1000);
    }

    [Fact]
    public void A_rest_that_does_not_start_with_a_hex_digit_repeats_the_cut_row_and_is_joined_to_it()
    {
        // The same pmap output as pmap prints it when the rest of a cut line starts with no hex digit (a folder named
        // with g-z, or a cut just before a '/'): sscanf reads no address, so the row repeats the cut row's address and
        // size (procps pmap.c keeps start and end from the line before). Edited from pmap.txt: each rest row gets them.
        var lines = SampleFile.ReadAllText(TestPaths.CorpusFile("long-paths", "pmap.txt")).Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("00000000000000ef ", StringComparison.Ordinal))
                lines[i] = lines[i - 1][..lines[i - 1].IndexOf("r", 17, StringComparison.Ordinal)] + lines[i][(lines[i].IndexOf('K') + 2)..];
        }
        var capture = CaptureNormalizer.Normalize(NormalisedSamples.ParseText(CaptureFormat.Pmap, string.Join('\n', lines), "long-paths", "pmap.txt"));

        Assert.Equal([(Library2, Library1, true), (Library1, Library1End, true)], Libraries(capture).Select(m => (m.Base, m.End, m.Truncated)));
        Assert.EndsWith("…liblong2.so", Libraries(capture)[0].Name, StringComparison.Ordinal);
        Assert.Equal(10, capture.Diagnostics.Items.Count(d => d.Id == DiagnosticCatalogue.PmapLineCut.Id));
        Assert.DoesNotContain(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.PmapDuplicateRow.Id);
    }

    [Fact]
    public void A_cut_path_keeps_what_pmap_printed_of_it_and_its_end()
    {
        var capture = Load(CaptureFormat.Pmap, "pmap-p.txt");

        var name = capture.RegionAt(Library2).Name!;
        var gap = name.IndexOf('…', StringComparison.Ordinal);
        // 1023 bytes of the maps line, the name starting at column 73: the first 950 characters of the path.
        Assert.Equal((950, "/liblong2.so"), (gap, name[(gap + 1)..]));
        Assert.StartsWith("/tmp/forensics-corpus/long-paths/folder-1-abcdefghij", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Pmap_x_prints_only_the_rest_of_each_cut_line_so_ten_rows_are_lost_and_named()
    {
        // Kept with the inputs a batch must survive, as it cannot be read whole.
        var capture = LoadBadInput(CaptureFormat.PmapExtended, "long-paths.pmap-x.txt");

        var lost = capture.Diagnostics.Items.Where(d => d.Id == DiagnosticCatalogue.PmapRowAddressLost.Id).ToList();
        Assert.Equal([17, 18, 19, 20, 21, 22, 23, 24, 25, 26], lost.Select(d => d.Location.Line!.Value));
        Assert.True(capture.Diagnostics.HasErrors);
        Assert.Empty(Libraries(capture));
        Assert.DoesNotContain(capture.Regions, r => r.Start < 0x1000);
    }
}

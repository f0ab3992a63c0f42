using System.Text;
using Forensics.Importers.Budget;
using Forensics.Importers.Detection;
using Forensics.Importers.Text.Maps;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Text;

/// <summary>
/// Issue 16: a large maps is parsed in pieces, one per core, and the capture is the one a single pass makes: the same
/// regions in the same order with the same lines, the same diagnostics in the same order, under one budget.
/// </summary>
public sealed class MapsParserPiecesTests
{
    /// <summary>The generated 20,026-line maps between two copies of a real maps with a corrupted line (its line 16).</summary>
    private static byte[] DamagedManyMaps()
    {
        var damaged = File.ReadAllText(Path.Combine(TestPaths.BadInputs, "corrupted-line.maps"));
        var many = SampleFile.ReadAllText(TestPaths.CorpusFile("bench", "many-maps.maps.xz"));
        return Encoding.UTF8.GetBytes(damaged + many + damaged);
    }

    private static IEnumerable<object> Fields(CaptureBuilder capture) =>
        capture.Regions.Select(r => (object)(r.Start, r.End, r.Permissions, r.Offset, r.Device, r.Inode, r.Name, r.Deleted, r.ThreadId, r.Sources, r.Location))
            .Append(capture.Variant ?? "")
            .Concat(capture.Diagnostics.Items);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Pieces_make_the_capture_one_pass_makes(int pieces)
    {
        var text = DamagedManyMaps();
        var whole = MapsParser.Parse(text.AsSpan(), 1, ReadBudget.Unlimited);

        var inPieces = MapsParser.Parse(text.AsMemory(), 1, ReadBudget.Unlimited, pieceCount: pieces);

        Assert.Equal(Fields(whole), Fields(inPieces));
        Assert.Equal(20026 + 2 * 32, inPieces.Regions.Count);
        Assert.Equal([16, 33 + 20026 + 16], inPieces.Diagnostics.Items.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Location.Line));
        Assert.Equal(33 + 20026 + 33, inPieces.Regions[^1].Location.Line);
    }

    [Fact]
    public void Each_piece_tells_the_range_it_has_read_past()
    {
        var text = DamagedManyMaps();
        var ranges = new List<(int Start, int End)>();

        MapsParser.Parse(text.AsMemory(), 1, ReadBudget.Unlimited, (start, end) => { lock (ranges) ranges.Add((start, end)); }, pieceCount: 2);

        // Each piece starts after a line end; its ranges all start there and end at a line start within it.
        var starts = ranges.Select(r => r.Start).Distinct().Order().ToArray();
        Assert.Equal(2, starts.Length);
        Assert.Equal((byte)'\n', text[starts[1] - 1]);
        Assert.All(ranges, r => Assert.True(r.End == r.Start || text[r.End - 1] == '\n'));
        Assert.All(ranges.Where(r => r.Start == 0), r => Assert.True(r.End <= starts[1]));
    }

    [Fact]
    public void The_allocations_of_every_piece_count_against_the_one_budget()
    {
        var text = DamagedManyMaps();
        var before = GC.GetAllocatedBytesForCurrentThread();
        MapsParser.Parse(text.AsSpan(), 1, ReadBudget.Unlimited);
        var onePass = GC.GetAllocatedBytesForCurrentThread() - before;
        var limit = onePass * 3 / 4;
        var budget = ReadBudget.Start(Timeout.InfiniteTimeSpan, limit);
        var beforePieces = GC.GetAllocatedBytesForCurrentThread();

        var stopped = Assert.Throws<ReadBudgetExceededException>(() => MapsParser.Parse(text.AsMemory(), 1, budget, pieceCount: 4));

        // This thread parsed one piece of four: what stopped the parse is what the helper threads allocated.
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - beforePieces, 0, limit);
        Assert.Equal(ReadBudgetLimit.Allocation, stopped.Limit);
        Assert.True(stopped.AllocatedBytes > limit);
    }

    [Fact]
    public void A_plain_maps_is_one_section_as_the_line_table_finds_it()
    {
        var maps = SampleFile.ReadAllText(TestPaths.CorpusFile("bench", "many-maps.maps.xz"));

        var plain = Assert.Single(DocumentSplitter.Split(maps + "\n  \n"));
        var behindProse = Assert.Single(DocumentSplitter.Split("The maps of the process:\n" + maps));

        Assert.Equal((CaptureFormat.Maps, 1, 20026), (plain.Format, plain.FirstLine, plain.LastLine));
        Assert.Equal((CaptureFormat.Maps, 2, 20027), (behindProse.Format, behindProse.FirstLine, behindProse.LastLine));
        Assert.Equal(behindProse.Text.ToArray(), plain.Text.ToArray());
    }

    [Fact]
    public void A_large_plain_maps_is_one_section_and_a_line_of_prose_in_it_is_kept_inside_for_the_parser()
    {
        var maps = SampleFile.ReadAllText(TestPaths.CorpusFile("bench", "many-maps.maps.xz"));
        // 17 copies: 16.7 MB, two pieces of at least 8 MiB on two cores.
        var copies = string.Concat(Enumerable.Repeat(maps, 17));
        var utf8 = Encoding.UTF8.GetBytes(copies + "\n \n");
        var middle = copies.IndexOf('\n', copies.Length / 4 * 3) + 1;
        var withProse = copies.Insert(middle, "The rest of the listing:\n");

        var plain = Assert.Single(DocumentSplitter.SplitUtf8(utf8));
        // Not a plain maps: the line table's rules keep a damaged line between ascending rows in the block.
        var damaged = Assert.Single(DocumentSplitter.Split(withProse));

        Assert.Equal((CaptureFormat.Maps, 1, 17 * 20026, copies.Length - 1), (plain.Format, plain.FirstLine, plain.LastLine, plain.Text.Length));
        Assert.Equal((CaptureFormat.Maps, 1, 17 * 20026 + 1, withProse.Length - 1), (damaged.Format, damaged.FirstLine, damaged.LastLine, damaged.Text.Length));
    }
}

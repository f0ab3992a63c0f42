using Forensics.Analysis;
using Forensics.Model;
using Forensics.Reports.Csv;
using Forensics.Reports.Tables;
using Forensics.Reports.Tests.Parquet;
using Forensics.TestSupport;

namespace Forensics.Reports.Tests;

/// <summary>regions.csv by its straight-line writer is byte for byte what the general writer makes from the table's columns.</summary>
public sealed class RegionCsvRowsTests
{
    [Fact]
    public void Every_region_of_the_corpus_is_written_as_the_general_writer_writes_it()
    {
        var run = CorpusRun.Import(TestPaths.Corpus, TestPaths.BadInputs);
        Assert.True(RegionCsvRows.Writes(ReportTables.Regions));

        var (fast, general) = BothWays(run);

        Assert.Equal(general, fast);
        Assert.Equal(run.Captures.Sum(a => a.Capture.Regions.Count) + 1, fast.Count(b => b == (byte)'\n'));
        // The corpus holds cores (offsets, dumped bytes, thread stacks), smaps (metrics) and text with lines.
        var text = System.Text.Encoding.UTF8.GetString(fast);
        Assert.Contains(",offset 0x", text, StringComparison.Ordinal);
        Assert.Contains(",line ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_names_are_neutralised_quoted_and_encoded_as_the_general_writer_does()
    {
        var run = new PreparedRun(new AnalysisRun([], [HostileCaptures.Analysis(), Odd()], null));

        var (fast, general) = BothWays(run);

        Assert.Equal(general, fast);
        var lines = System.Text.Encoding.UTF8.GetString(fast).Split('\n');
        Assert.Equal("odd,0x1000,0x2000,4096,rw-s,0x30,\"0,1\",7,\"a \"\"quoted\"\", name\",true,heap,'=SUM(A1),1,2,3,,core-load+maps,false,12,offset 0x1f40",
            lines[HostileCaptures.Names.Length + 1]);
        // A signed number is left as it is; a fullwidth formula sign is neutralised; hidden characters are shown; a lone surrogate is U+FFFD.
        Assert.Equal("odd,0x3000,0x4000,4096,r-x?,,-4096,,-4096,false,file,-4096,,4096,,0,,true,,line -1", lines[HostileCaptures.Names.Length + 2]);
        Assert.Equal("odd,0x5000,0x6000,4096,r-x?,,'\uff1dcmd,,'\uff1dcmd,false,file,'\uff1dcmd,,4096,,0,,true,,line -1", lines[HostileCaptures.Names.Length + 4]);
        Assert.Equal("odd,0x7000,0x8000,4096,r-x?,,\\u202eevil,,\\u202eevil,false,file,\\u202eevil,,4096,,0,,true,,line -1", lines[HostileCaptures.Names.Length + 6]);
        Assert.Equal("odd,0x9000,0xa000,4096,r-x?,,\ufffdlone,,\ufffdlone,false,file,\ufffdlone,,4096,,0,,true,,line -1", lines[HostileCaptures.Names.Length + 8]);
        Assert.Equal("odd,0xabc,0x12345,71817,????,0xf,,,,false,unknown,,,,,,,false,,offset 0x1234567", lines[^3]);
        Assert.Equal("odd,0xfffffffffffffffe,0xffffffffffffffff,1,????,0xffffffffffffffff,,18446744073709551615,,false,unknown,,,,,,,false,-2147483648,", lines[^2]);
    }

    [Fact]
    public void Rows_of_several_captures_across_chunks_keep_their_order()
    {
        // 40,000 regions in three captures, one of them empty: chunks of 16,384 rows that begin and end inside captures.
        var run = new PreparedRun(new AnalysisRun([], [Many("a", 25_000), Many("b", 0), Many("c", 15_000)], null));

        var (fast, general) = BothWays(run);

        Assert.Equal(general, fast);
        var lines = System.Text.Encoding.UTF8.GetString(fast).Split('\n');
        Assert.Equal(40_002, lines.Length);
        Assert.StartsWith("a,0x7f0000000000,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("c,0x7f0000000000,", lines[25_001], StringComparison.Ordinal);
        Assert.EndsWith(",line 15000", lines[^2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_write_is_thrown_as_the_stream_threw_it_and_stops_the_other_threads()
    {
        var run = new PreparedRun(new AnalysisRun([], [Many("a", 100_000)], null));
        using var full = new FullAfter(2_000_000);

        var failure = Assert.Throws<IOException>(() => CsvReportWriter.Write(run, "regions.csv", full));

        Assert.Equal("No space left on device", failure.Message);
        // The header and the first chunk (16,384 rows of about 80 bytes) fit, the second does not, and nothing was written after it.
        Assert.InRange(full.Written, 1_000_000, 2_000_000);
    }

    /// <summary>A stream that fails as a full disk does once it holds about <paramref name="room"/> bytes.</summary>
    private sealed class FullAfter(long room) : MemoryStream
    {
        public long Written { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Written + buffer.Length > room)
                throw new IOException("No space left on device");
            Written += buffer.Length;
        }
    }

    private static (byte[] Fast, byte[] General) BothWays(PreparedRun run)
    {
        using var fast = new MemoryStream();
        CsvReportWriter.Write(run, "regions.csv", fast);
        using var general = new MemoryStream();
        CsvReportWriter.WriteByColumns(run, ReportTables.Regions, general);
        return (fast.ToArray(), general.ToArray());
    }

    /// <summary>Every column of a region set, with text that needs each escape: a comma, quotes, a formula, hidden characters.</summary>
    private static CaptureAnalysis Odd()
    {
        string[] names = ["a \"quoted\", name", "-4096", "+0x10", "\uff1dcmd", "tab\there", "\u202eevil", "caf\u00e9", "\ud800lone", "", " ", "@x", "line 5"];
        var regions = new List<Region>
        {
            new(0x1000, 0x2000)
            {
                Permissions = Permissions.Of(true, true, false, true),
                Offset = 0x30,
                Device = "0,1",
                Inode = 7,
                Name = names[0],
                Deleted = true,
                Kind = RegionKind.Heap,
                Module = "=SUM(A1)",
                Metrics = new RegionMetrics { Rss = 1, Dirty = 2, Swap = 3 },
                Sources = RegionSources.Maps | RegionSources.CoreLoad,
                ThreadId = 12,
                Location = SourceLocation.AtOffset(0x1f40),
            },
        };
        ulong start = 0x3000;
        foreach (var name in names.Skip(1))
        {
            regions.Add(new Region(start, start + 0x1000)
            {
                Permissions = Permissions.OfAccess(true, false, true),
                Name = name,
                Module = name,
                Device = name,
                NameIsBasename = true,
                DumpedBytes = 0,
                Metrics = new RegionMetrics { Dirty = 4096 },
                Kind = RegionKind.File,
                Location = SourceLocation.AtLine(-1),
            });
            start += 0x1000;
        }
        // Odd counts of hex digits (the digits are printed two at a time).
        regions.Add(new Region(0xabc, 0x12345) { Offset = 0xf, Location = SourceLocation.AtOffset(0x1234567) });
        regions.Add(new Region(ulong.MaxValue - 1, ulong.MaxValue) { Offset = ulong.MaxValue, Inode = ulong.MaxValue, ThreadId = int.MinValue });
        return new CaptureAnalysis(new Capture { Id = "odd", Regions = regions }, null, []);
    }

    private static CaptureAnalysis Many(string id, int count)
    {
        var regions = new List<Region>();
        for (ulong i = 0, start = 0x7f0000000000; i < (ulong)count; i++, start += 0x2000)
            regions.Add(new Region(start, start + 0x1000) { Kind = RegionKind.Anon, Location = SourceLocation.AtLine((int)i + 1) });
        return new CaptureAnalysis(new Capture { Id = id, Regions = regions }, null, []);
    }
}

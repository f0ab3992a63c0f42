using System.Text.RegularExpressions;
using Forensics.Importers.Detection;
using Forensics.Importers.Normalisation;
using Forensics.Importers.Text;
using Forensics.Model;
using CaptureBuilder = Forensics.Model.CaptureBuilder;

namespace Forensics.Importers.Tests.Text;

/// <summary>
/// Issue 14: every line of a capture that has the shape of a mapping row becomes a region or a diagnostic naming
/// its line, whatever its padding, address width or position. The inputs are real captures from corpus/sets, changed
/// inside the test the way people change them when they paste them (re-aligned, rows cut out, an older gdb's
/// zeros), and one real Solaris listing from corpus/public.
/// </summary>
public sealed partial class MappingRowAccountingTests
{
    private static string[] Lines(string text) => text.TrimEnd('\n').Split('\n');

    private static string Join(IEnumerable<string> lines) => string.Join('\n', lines) + "\n";

    /// <summary>The lines some capture of the document names: a region's or a diagnostic's.</summary>
    private static HashSet<int> AccountedLines(IReadOnlyList<CaptureBuilder> captures) =>
        captures.SelectMany(c => c.Regions.Select(r => r.Location.Line)
                .Concat(c.Diagnostics.Items.Select(d => d.Location.Line)))
            .OfType<int>().ToHashSet();

    private static void AssertEveryRowAccounted(string document)
    {
        var accounted = AccountedLines(TextDocumentImporter.Import(document));
        var lines = Lines(document);
        for (var i = 0; i < lines.Length; i++)
        {
            if (TextLineClassifier.IsMappingRow(lines[i]))
                Assert.True(accounted.Contains(i + 1), $"line [{i + 1}] [{lines[i]}] is neither a region nor a diagnostic");
        }
    }

    [GeneratedRegex(@"^([0-9a-f]+)-([0-9a-f]+) ")]
    private static partial Regex MapsRange();

    /// <summary>Pads each address to 16 columns with spaces, as a writer lining the short addresses up with [vsyscall]'s.</summary>
    private static string Realign(string maps) => Join(Lines(maps).Select(line =>
        MapsRange().Replace(line, m => $"{m.Groups[1].Value,16}-{m.Groups[2].Value,16} ")));

    [Fact]
    public void Realigned_maps_keeps_every_row_in_one_capture()
    {
        var original = TextSamples.Local("set-hello", "maps");
        var realigned = Realign(original);
        Assert.StartsWith("    55f5da648000-    55f5da649000 r--p", realigned, StringComparison.Ordinal);

        var capture = Assert.Single(TextDocumentImporter.Import(realigned));

        var expected = TextCaptureParsers.Parse(CaptureFormat.Maps, original);
        Assert.Equal(39, capture.Regions.Count);
        Assert.Equal(expected.Regions.Select(r => (r.Start, r.End, r.Name)), capture.Regions.Select(r => (r.Start, r.End, r.Name)));
        Assert.False(capture.Diagnostics.HasErrors);
        Assert.Equal((1, 39), capture.LineRange);
    }

    [Fact]
    public void Old_gdb_plain_zero_offsets_are_rows()
    {
        // gdb before 7.5 printed the columns with %#x (linux-nat.c), so an offset of zero reads "0", not "0x0".
        var original = TextSamples.Local("set-hello", "gdb-mappings.txt");
        var old = Join(Lines(original).Select(line => Regex.Replace(line, @"(0x[0-9a-f]+ +0x[0-9a-f]+ +0x[0-9a-f]+ +)0x0 ", "$1  0 ")));
        Assert.Equal(26, Lines(old).Count(line => Regex.IsMatch(line, @"0x[0-9a-f]+ +0 ")));

        var capture = Assert.Single(TextDocumentImporter.Import(old));

        var expected = Assert.Single(TextDocumentImporter.Import(original));
        Assert.Equal(expected.Regions.Count, capture.Regions.Count);
        Assert.Equal(expected.Regions.Select(r => (r.Start, r.End, r.Offset, r.Name)), capture.Regions.Select(r => (r.Start, r.End, r.Offset, r.Name)));
        Assert.False(capture.Diagnostics.HasErrors);
    }

    public static TheoryData<string, string, string> OutOfRangeRows => new()
    {
        { "maps", "1ffffffffffffffff-20000000000000000 rw-p 00000000 00:00 0", DiagnosticCatalogue.MapsLineMalformed.Id },
        { "pmap.txt", "1ffffffffffffffff      4K rw---   [ anon ]", DiagnosticCatalogue.PmapRowMalformed.Id },
        { "gdb-mappings.txt", "  0x1ffffffffffffffff 0x20000000000000000     0x1000        0x0  rw-p   ", DiagnosticCatalogue.GdbRowMalformed.Id },
    };

    [Theory]
    [MemberData(nameof(OutOfRangeRows))]
    public void Out_of_range_row_gets_the_same_error_at_the_top_and_in_the_middle(string file, string row, string id)
    {
        var lines = Lines(TextSamples.Local("set-hello", file)).ToList();
        var firstRow = lines.FindIndex(line => TextLineClassifier.IsMappingRow(line));
        var expectedRegions = Assert.Single(TextDocumentImporter.Import(Join(lines))).Regions.Count;

        foreach (var at in new[] { 0, firstRow, firstRow + 10 })
        {
            var changed = lines.ToList();
            changed.Insert(at, row);
            var captures = TextDocumentImporter.Import(Join(changed));
            var error = Assert.Single(captures.SelectMany(c => c.Diagnostics.Items), d => d.Location.Line == at + 1 && d.Id == id);
            Assert.Equal(id, error.Id);
            Assert.Equal(DiagnosticSeverity.Error, error.Severity);
            Assert.Equal(expectedRegions, captures.Sum(c => c.Regions.Count));
        }
    }

    [Fact]
    public void Solaris_gdb_listing_is_read_with_inclusive_ends_and_named_as_solaris()
    {
        var text = TextSamples.Public("hellogcc_100-gdb-tips_solaris_info_proc_mappings.txt");

        var builtCapture = Assert.Single(TextDocumentImporter.Import(text));
        var capture = CaptureNormalizer.Normalize(builtCapture);

        Assert.Equal(16, capture.Regions.Count);
        Assert.Equal(27676, capture.Pid);
        Assert.Equal("gdb 32-bit procfs (Solaris, illumos)", capture.Variant);
        Assert.False(capture.Diagnostics.HasErrors);
        Assert.DoesNotContain(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.GdbSizeMismatch.Id);
        Assert.Contains(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.GdbForeignSystem.Id);
        Assert.Equal(Architecture.Unknown, capture.Architecture);
        Assert.Contains(capture.ArchitectureEvidence, e => e.Contains("not a Linux process", StringComparison.Ordinal));

        var stack = capture.Regions[0];
        Assert.Equal((0x8046000UL, 0x8048000UL, 0x2000UL, 0xfffff000UL), (stack.Start, stack.End, stack.Size, stack.Offset));
        Assert.Equal("[stack]", stack.Name);
        Assert.Equal("rwxp", stack.Permissions.ToString());
        var libc = capture.Regions.Single(r => r.Start == 0xfee40000);
        Assert.Equal((0xfef4f000UL, 0x10f000UL, 0UL, "r-xp"), (libc.End, libc.Size, libc.Offset, libc.Permissions.ToString()));
        Assert.Equal("r--s", capture.Regions.Single(r => r.Start == 0xfef80000).Permissions.ToString());
        Assert.Equal(0x1000UL, capture.Regions[^1].Size);

        // The table names no file, so libc's text is not "anonymous executable memory": kinds stay unknown except the
        // stack the flags state, and the capture is not analysed as a Linux layout (no findings, no verdict).
        Assert.Contains("Solaris or illumos", capture.UnsupportedReason, StringComparison.Ordinal);
        Assert.Equal(RegionKind.Stack, stack.Kind);
        Assert.Equal(RegionKind.Unknown, libc.Kind);
        Assert.Equal(15, capture.Regions.Count(r => r.Kind == RegionKind.Unknown));
    }

    public static TheoryData<string> ElisionMarks => new() { "...", "[...]", "<snip>", "---snip---", "…" };

    [Theory]
    [MemberData(nameof(ElisionMarks))]
    public void Elided_pmap_stays_one_capture_with_uncheckable_totals(string mark)
    {
        var lines = Lines(TextSamples.Local("set-hello", "pmap.txt")).ToList();
        lines.RemoveRange(11, 10);
        lines.Insert(11, mark);

        var capture = Assert.Single(TextDocumentImporter.Import(Join(lines)));

        Assert.Equal(39 - 10, capture.Regions.Count);
        var elided = Assert.Single(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.RowsElided.Id);
        Assert.Equal((DiagnosticSeverity.Warning, 12), (elided.Severity, elided.Location.Line));
        var total = Assert.Single(capture.DeclaredTotals);
        Assert.False(total.Checkable);
        Assert.DoesNotContain(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.PmapTotalMismatch.Id);
        Assert.False(capture.Diagnostics.HasErrors);
    }

    [Theory]
    [MemberData(nameof(ElisionMarks))]
    public void Elided_maps_stays_one_capture(string mark)
    {
        var lines = Lines(TextSamples.Local("set-hello", "maps")).ToList();
        lines.RemoveRange(5, 20);
        lines.Insert(5, mark);
        lines.Insert(0, mark);
        lines.Add(mark);

        var capture = Assert.Single(TextDocumentImporter.Import(Join(lines)));

        Assert.Equal(19, capture.Regions.Count);
        Assert.Equal([1, 7, 22], capture.Diagnostics.Items.Where(d => d.Id == DiagnosticCatalogue.RowsElided.Id).Select(d => d.Location.Line ?? 0));
        Assert.False(capture.Diagnostics.HasErrors);
        Assert.Equal((1, 22), capture.LineRange);
    }

    [Fact]
    public void Elided_maps_published_with_its_cuts_stays_one_capture_with_the_cuts_named()
    {
        // A grep of /proc/11806/maps pasted into a page with rows cut out by its writer (corpus/public/text): two "..." lines.
        var text = TextSamples.Public("gdsc-ssu_CSocrates2_grep_maps_elided.txt");

        var capture = Assert.Single(TextDocumentImporter.Import(text));

        Assert.Equal([2, 3, 4, 5, 7, 8, 10], capture.Regions.Select(r => r.Location.Line ?? 0));
        Assert.Equal(
            [(0x6156df7ef000UL, "/home/daeun/CSocrates2/OS/examples/mem_address"), (0x6156e717d000UL, "[heap]"),
                (0x783c65828000UL, "/usr/lib/x86_64-linux-gnu/libc.so.6"), (0x7ffd8e502000UL, "[stack]")],
            capture.Regions.Where(r => r.Location.Line is 2 or 5 or 7 or 10).Select(r => (r.Start, r.Name)));
        var elided = capture.Diagnostics.Items.Where(d => d.Id == DiagnosticCatalogue.RowsElided.Id).ToList();
        Assert.Equal([(DiagnosticSeverity.Warning, 6), (DiagnosticSeverity.Warning, 9)], elided.Select(d => (d.Severity, d.Location.Line ?? 0)));
        Assert.False(capture.Diagnostics.HasErrors);
        AssertEveryRowAccounted(text);
    }

    /// <summary>Mapping-shaped lines of each format: plain, padded, re-aligned, with a bare zero, out of range.</summary>
    private static readonly Dictionary<string, string[]> InsertedRows = new()
    {
        ["maps"] =
        [
            "20000-21000 rw-p 00000000 00:00 0",
            "           20000-           21000 rw-p 00000000 00:00 0",
            "20000-   21000 r-xp 00000000 08:01 12   /bin/x",
            "1ffffffffffffffff-20000000000000000 rw-p 00000000 00:00 0",
            "20000-21000 rw-p 00000000 00:00 0 [heap",
        ],
        ["pmap.txt"] =
        [
            "0000000000020000      4K rw---   [ anon ]",
            "           20000      4K rw---   [ anon ]",
            "1ffffffffffffffff      4K rw---   [ anon ]",
        ],
        ["pmap-x.txt"] =
        [
            "0000000000020000       4       4       4 rw---   [ anon ]",
            "           20000       4       4       4 rw---   [ anon ]",
            "1ffffffffffffffff       4       4       4 rw---   [ anon ]",
        ],
        ["gdb-mappings.txt"] =
        [
            "             0x20000            0x21000     0x1000        0x0  rw-p   ",
            "0x20000 0x21000 0x1000 0 rw-p",
            "0x20000 0x21000 0x1000 0x0",
            "  0x1ffffffffffffffff 0x20000000000000000     0x1000        0x0  rw-p   ",
        ],
    };

    public static TheoryData<string> InsertionFiles => new() { "maps", "pmap.txt", "pmap-x.txt", "gdb-mappings.txt" };

    /// <summary>
    /// The property: any mapping-shaped line inserted at any line of a real capture (top, middle, end, inside the
    /// preamble or the footer) is a region or a diagnostic naming its line, and so is every row that was there.
    /// </summary>
    [Theory]
    [MemberData(nameof(InsertionFiles))]
    public void Any_inserted_mapping_row_is_a_region_or_a_diagnostic(string file)
    {
        var lines = Lines(TextSamples.Local("set-hello", file));
        AssertEveryRowAccounted(Join(lines));
        foreach (var row in InsertedRows[file])
        {
            for (var at = 0; at <= lines.Length; at++)
            {
                var changed = lines.ToList();
                changed.Insert(at, row);
                var accounted = AccountedLines(TextDocumentImporter.Import(Join(changed)));
                Assert.True(accounted.Contains(at + 1), $"[{row}] inserted at line [{at + 1}] of {file} vanished");
                AssertEveryRowAccounted(Join(changed));
            }
        }
    }
}

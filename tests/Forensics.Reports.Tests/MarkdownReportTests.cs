using Forensics.Reports.Markdown;

namespace Forensics.Reports.Tests;

public sealed class MarkdownReportTests
{
    [Fact]
    public void Hostile_names_render_inert_in_the_capture_report()
    {
        var run = new PreparedRun(HostileCaptures.Run());
        var text = CaptureReportWriter.Write(run, run.Captures[0]);
        Assert.Contains("| /tmp/a\\|b\\|c.so |", text, StringComparison.Ordinal);
        Assert.Contains("/tmp/\\`rm -rf\\`.so", text, StringComparison.Ordinal);
        Assert.Contains("/tmp/&lt;script&gt;alert(1)&lt;/script&gt;.so", text, StringComparison.Ordinal);
        Assert.Contains("/tmp/\\[x\\](http\\://e).so", text, StringComparison.Ordinal);
        Assert.Contains("/tmp/line\\\\012break.so", text, StringComparison.Ordinal);
        Assert.Contains("/tmp/line\\\\nbreak.so", text, StringComparison.Ordinal);
        Assert.Contains("| \\=cmd\\|' /C calc'\\!A0 |", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"[^\\]\]\(http", text);
    }

    [Fact]
    public void Every_table_row_of_a_hostile_capture_report_has_the_header_cell_count()
    {
        var run = new PreparedRun(HostileCaptures.Run());
        var lines = CaptureReportWriter.Write(run, run.Captures[0]).Split('\n');
        var regionHeader = Array.FindIndex(lines, l => l.StartsWith("| start | end |", StringComparison.Ordinal));
        Assert.Equal(11, Cells(lines[regionHeader]));
        var rows = lines.Skip(regionHeader + 2).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.Equal(7, rows.Count);
        Assert.All(rows, row => Assert.Equal(11, Cells(row)));
    }

    [Fact]
    public void Index_links_each_capture_to_its_slugged_report()
    {
        var text = IndexReportWriter.Write(new PreparedRun(HostileCaptures.Run()));
        Assert.Contains("| [hostile-maps](captures/hostile-maps.md) | x86\\_64 | 4242 | &lt;b&gt;bold&lt;/b&gt;\\|x | 7 | 28672 | 7 |  |", text, StringComparison.Ordinal);
        Assert.Contains("| \\=cmd\\|hostile\\`maps\\`.txt | ok | none |  | 512 | 1 |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_names_the_problem_of_every_input_beside_its_status()
    {
        var text = IndexReportWriter.Write(Parquet.CorpusRun.Prepared);

        Assert.Contains("| input | status | problem | reason | bytes | captures |", text, StringComparison.Ordinal);
        Assert.Contains("| bad-inputs/empty.txt | **failed** | empty | error FX2001\\: the input is empty\\: \\[0\\] bytes | 0 | 0 |", text, StringComparison.Ordinal);
        Assert.Contains("| bad-inputs/truncated-64k.core.xz | **partial** | truncated |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Capture_page_leads_with_the_crash_and_the_high_severity_findings()
    {
        var run = Parquet.CorpusRun.Prepared;
        var crashNull = run.Captures.Single(a => a.Capture.InputPath == "crash-null/core.xz");
        var lines = CaptureReportWriter.Write(run, crashNull).Split('\n');

        Assert.Equal(
            ["Summary", "Crash", "High-severity findings", "Layout", "Totals by kind", "Modules", "Other findings", "Architecture", "Regions", "Diagnostics"],
            lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..]));
        var crash = lines.SkipWhile(l => l != "## Crash").TakeWhile(l => l != "### Evidence").ToList();
        Assert.Contains("**null-pointer-dereference**: Null-pointer dereference\\: access to 0x10 (a null pointer plus an offset of 0x10) at crash\\_null+0x1416.", crash);
        Assert.Contains("- Signature: SIGSEGV in crash\\_null+0x1416 ← crash\\_null+0x14d3", crash);
        Assert.Contains("- Crashing thread: 28823", crash);
        Assert.Contains("- Faulting module: crash\\_null (/tmp/forensics-corpus/bin/crash\\_null), build-id c8cce11a430e61de72235a60345648e718c9fc10", crash);
    }

    [Fact]
    public void Capture_page_lists_high_severity_findings_before_the_layout_and_the_others_after_the_modules()
    {
        var run = Parquet.CorpusRun.Prepared;
        var live = run.Captures.Single(a => a.Capture.InputPath == "live/gcore.core.xz");
        var text = CaptureReportWriter.Write(run, live);

        Assert.Equal(["| high | wx-memory | 0x7f0cc789d000 | 0x7f0cc789f000 |"], Section(text, "High-severity findings").Select(Start));
        Assert.Equal(
            ["| medium | unusual-image-path | 0x55896fdf1000 | 0x55896fe06000 |", "| medium | deleted-mapping | 0x7f0cc789b000 | 0x7f0cc789d000 |",
             "| medium | anon-exec | 0x7f0cc789d000 | 0x7f0cc789f000 |"],
            Section(text, "Other findings").Select(Start));

        static string Start(string row) => string.Join('|', row.Split('|')[..5]) + "|";
    }

    // The table rows of one "## " section, without its header and separator rows.
    private static List<string> Section(string text, string heading) =>
        [.. text.Split('\n').SkipWhile(l => l != "## " + heading).Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith('|')).Skip(2)];

    // Unescaped pipes separate cells; "\|" stays inside one.
    private static int Cells(string row)
    {
        var count = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] == '|' && (i == 0 || row[i - 1] != '\\'))
                count++;
        }
        return count;
    }
}

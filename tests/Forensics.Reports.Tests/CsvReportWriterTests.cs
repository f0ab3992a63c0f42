using Forensics.Reports.Csv;

namespace Forensics.Reports.Tests;

public sealed class CsvReportWriterTests
{
    [Theory]
    [InlineData("captures.csv", "capture_id,input,sha256,format,arch,pid,process,regions,mapped_bytes,modules,threads,signal,fault_address,findings,diagnostics,status,variant,first_line,last_line,verdict,signature,facts,rollup_rss_bytes,rollup_pss_bytes,rollup_pss_anon_bytes,rollup_pss_file_bytes,rollup_pss_shmem_bytes,rollup_shared_clean_bytes,rollup_shared_dirty_bytes,rollup_private_clean_bytes,rollup_private_dirty_bytes,rollup_referenced_bytes,rollup_anonymous_bytes,rollup_lazy_free_bytes,rollup_anon_huge_pages_bytes,rollup_swap_bytes,rollup_swap_pss_bytes,rollup_locked_bytes")]
    [InlineData("regions.csv", "capture_id,start,end,size,perms,offset,device,inode,name,deleted,kind,module,rss_bytes,dirty_bytes,swap_bytes,dumped_bytes,sources,name_is_basename,thread_id,location")]
    [InlineData("modules.csv", "capture_id,module,path,base,end,size,build_id,path_is_basename,path_truncated,deleted,main_executable")]
    [InlineData("findings.csv", "capture_id,severity,rule,start,end,name,message")]
    [InlineData("comparison.csv", "baseline_id,capture_id,subject,change,baseline_value,value,delta")]
    [InlineData("inputs.csv", "path,status,problem,reason,sha256,bytes,captures,diagnostics")]
    [InlineData("diagnostics.csv", "input,capture_id,severity,id,line,offset,message")]
    public void Csv_header_rows_are_exactly_the_spec_columns(string fileName, string header)
    {
        var text = Write(fileName);
        Assert.StartsWith(header + "\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Regions_csv_writes_hex_addresses_decimal_sizes_and_four_character_perms()
    {
        var lines = Write("regions.csv").Split('\n');
        Assert.Equal(
            "hostile-maps,0x7f0000000000,0x7f0000001000,4096,r-xp,0x0,fe:01,1234,/tmp/a|b|c.so,false,text,/tmp/a|b|c.so,,,,,maps,false,,",
            lines[1]);
    }

    [Fact]
    public void Csv_neutralises_formula_cells_from_hostile_names()
    {
        var regions = Write("regions.csv");
        Assert.Contains(",'=cmd|' /C calc'!A0,false,text,'=cmd|' /C calc'!A0,", regions, StringComparison.Ordinal);
        var inputs = Write("inputs.csv");
        Assert.Contains("\n'=cmd|hostile`maps`.txt,ok,none,,", inputs, StringComparison.Ordinal);
        var comparison = Write("comparison.csv");
        Assert.Equal(
            "hostile-maps,hostile-maps,\"'=HYPERLINK(\"\"http://e\"\")\",module added,,-4096,+0x1000",
            comparison.Split('\n')[1]);
    }

    [Fact]
    public void Csv_shows_a_newline_in_a_name_as_an_escape_and_keeps_one_row_a_line()
    {
        var regions = Write("regions.csv");
        Assert.Contains(",/tmp/line\\nbreak.so,false,text,/tmp/line\\nbreak.so,", regions, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', regions);
    }

    [Fact]
    public void Rows_formatted_a_batch_at_a_time_on_two_threads_keep_their_order()
    {
        // 40,000 regions: two full batches of 16,384 rows, the second formatted on another thread, and a part batch.
        var regions = new List<Model.Region>();
        for (ulong i = 0, start = 0x7f0000000000; i < 40_000; i++, start += 0x2000)
            regions.Add(new Model.Region(start, start + 0x1000) { Kind = Model.RegionKind.Anon, Location = Model.SourceLocation.AtLine((int)i + 1) });
        var capture = new Model.Capture { Id = "large", Regions = regions };
        var run = new PreparedRun(new Analysis.AnalysisRun([], [new Analysis.CaptureAnalysis(capture, null, [])], null));
        using var stream = new MemoryStream();

        CsvReportWriter.Write(run, "regions.csv", stream);

        var lines = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
        Assert.Equal(40_002, lines.Length);
        Assert.Equal("", lines[^1]);
        for (var i = 0; i < 40_000; i++)
        {
            var start = 0x7f0000000000UL + (ulong)i * 0x2000;
            Assert.Equal($"large,0x{start:x},0x{start + 0x1000:x},4096,", lines[i + 1][..(6 + 2 * 14 + 2 + 5)]);
            Assert.EndsWith($",line {i + 1}", lines[i + 1], StringComparison.Ordinal);
        }
    }

    private static string Write(string fileName)
    {
        using var stream = new MemoryStream();
        CsvReportWriter.Write(new PreparedRun(HostileCaptures.Run()), fileName, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}

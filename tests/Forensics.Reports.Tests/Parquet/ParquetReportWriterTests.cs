using Forensics.Analysis;
using Forensics.Pipeline;
using Forensics.Reports.Csv;
using Forensics.Reports.Parquet;
using Parquet.Meta;
using PhysicalType = Parquet.Meta.Type;

namespace Forensics.Reports.Tests.Parquet;

public sealed class ParquetReportWriterTests
{
    public static TheoryData<string> Tables => [.. ParquetReportWriter.FileNames];

    [Theory]
    [MemberData(nameof(Tables))]
    public void Each_parquet_table_holds_exactly_the_rows_and_cells_of_its_csv(string fileName)
    {
        var run = CorpusRun.Prepared;
        var csv = Csv(run, fileName);

        var table = ParquetTable.Write(run, fileName);

        Assert.Equal(csv.Split('\n').Length - 2, table.Rows.Count);
        Assert.Equal(csv, table.ToCsv());
    }

    [Fact]
    public void The_corpus_run_fills_every_table()
    {
        var run = CorpusRun.Prepared;
        var rows = ParquetReportWriter.FileNames.ToDictionary(f => f, f => ParquetTable.Write(run, f).Rows.Count, StringComparer.Ordinal);

        Assert.Equal(run.Captures.Sum(a => a.Capture.Regions.Count), rows[ParquetReportWriter.Regions]);
        Assert.Equal(run.Captures.Count, rows[ParquetReportWriter.Captures]);
        Assert.Equal(run.Inputs.Count, rows[ParquetReportWriter.Inputs]);
        Assert.Equal(run.ComparisonRows.Count, rows[ParquetReportWriter.Comparison]);
        Assert.All(rows, r => Assert.True(r.Value > 0, r.Key + " is empty"));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Parquet_columns_are_the_csv_columns_in_order_with_their_declared_types(string fileName)
    {
        var csvFileName = Path.ChangeExtension(fileName, ".csv");
        var header = Csv(CorpusRun.Prepared, fileName).Split('\n')[0].Split(',');
        var declared = ParquetColumns.Of(csvFileName);

        var table = ParquetTable.Write(CorpusRun.Prepared, fileName);

        Assert.Equal(header, table.Names);
        Assert.All(table.Columns.Zip(declared), pair =>
        {
            var (column, type) = (pair.First, pair.Second.Type);
            switch (type)
            {
                case ParquetColumnType.Text:
                    Assert.Equal((PhysicalType.BYTE_ARRAY, FieldRepetitionType.OPTIONAL), (column.Type, column.RepetitionType));
                    Assert.NotNull(column.LogicalType?.STRING);
                    break;
                case ParquetColumnType.Int64:
                    Assert.Equal((PhysicalType.INT64, FieldRepetitionType.OPTIONAL), (column.Type, column.RepetitionType));
                    Assert.Equal(((sbyte)64, true), (column.LogicalType!.INTEGER!.BitWidth, column.LogicalType.INTEGER.IsSigned));
                    break;
                case ParquetColumnType.Boolean:
                    Assert.Equal((PhysicalType.BOOLEAN, FieldRepetitionType.REQUIRED), (column.Type, column.RepetitionType));
                    break;
                default:
                    Assert.Fail("undeclared type " + type);
                    break;
            }
        });
    }

    [Fact]
    public void A_core_region_reads_back_with_its_addresses_as_hex_text_and_its_numbers_as_int64()
    {
        var regions = ParquetTable.Write(CorpusRun.Prepared, ParquetReportWriter.Regions).Records.ToList();

        var text = Assert.Single(regions, r => (string?)r["capture_id"] == "live-gcore-core-xz" && (string?)r["start"] == "0x55896fdf1000");
        Assert.Equal("0x55896fdf2000", text["end"]);
        Assert.Equal(4096L, text["size"]);
        Assert.Equal("r--p", text["perms"]);
        Assert.Equal("0x0", text["offset"]);
        Assert.Equal(11657861L, text["inode"]);
        Assert.Equal("/tmp/forensics-corpus/bin/live", text["name"]);
        Assert.Equal(false, text["deleted"]);
        Assert.Equal("rodata", text["kind"]);
        Assert.Equal(4096L, text["dumped_bytes"]);
        Assert.Equal("core-load+core-file+maps+smaps+pmap+gdb", text["sources"]);

        // Parquet keeps the cell as the model has it: the CSV writes this guard's perms as '---p for spreadsheets.
        var guard = Assert.Single(regions, r => (string?)r["capture_id"] == "live-gcore-core-xz" && (string?)r["start"] == "0x7f0cc65ae000");
        Assert.Equal(("---p", "guard", 4096L, null), ((string?)guard["perms"], (string?)guard["kind"], (long?)guard["size"], (string?)guard["name"]));
        var stack = Assert.Single(regions, r => (string?)r["capture_id"] == "live-gcore-core-xz" && (string?)r["start"] == "0x7f0cc65af000");
        Assert.Equal(("thread-stack", 28580L, 8388608L), ((string?)stack["kind"], (long?)stack["thread_id"], (long?)stack["size"]));
    }

    [Fact]
    public void Modules_keep_their_build_ids_and_captures_their_pid_and_counts_as_int64()
    {
        var run = CorpusRun.Prepared;
        var libc = Assert.Single(ParquetTable.Write(run, ParquetReportWriter.Modules).Records,
            m => (string?)m["capture_id"] == "crash-null-core-xz" && (string?)m["module"] == "libc.so.6");
        Assert.Equal("93ac61ec5a8eb1396f9fbd350e3169a558528a40", libc["build_id"]);
        Assert.Equal(("/usr/lib/x86_64-linux-gnu/libc.so.6", "0x7f63582d5000", 1974272L, false),
            ((string?)libc["path"], (string?)libc["base"], (long?)libc["size"], (bool?)libc["main_executable"]));

        var captures = ParquetTable.Write(run, ParquetReportWriter.Captures).Records.ToList();
        var core = Assert.Single(captures, c => (string?)c["capture_id"] == "crash-null-core-xz");
        Assert.Equal((28823L, 25L, 2605056L, 4L, 1L), ((long?)core["pid"], (long?)core["regions"], (long?)core["mapped_bytes"], (long?)core["modules"], (long?)core["threads"]));
        Assert.Equal(("SIGSEGV", "0x10", "null-pointer-dereference"), ((string?)core["signal"], (string?)core["fault_address"], (string?)core["verdict"]));
        // A core has no line range: null, where the CSV cell is empty.
        Assert.Equal((null, null), ((long?)core["first_line"], (long?)core["last_line"]));
        var maps = Assert.Single(captures, c => (string?)c["capture_id"] == "preload-maps");
        Assert.Equal((null, 30L, 1L, 30L), ((long?)maps["pid"], (long?)maps["regions"], (long?)maps["first_line"], (long?)maps["last_line"]));
    }

    [Fact]
    public void Inputs_name_their_problem_right_after_their_status()
    {
        var table = ParquetTable.Write(CorpusRun.Prepared, ParquetReportWriter.Inputs);

        Assert.Equal(["path", "status", "problem", "reason"], table.Names.Take(4));
        var problems = table.Records
            .Where(i => ((string?)i["path"])!.StartsWith("bad-inputs/", StringComparison.Ordinal))
            .Select(i => ((string?)i["path"], (string?)i["status"], (string?)i["problem"]));
        Assert.Equal(
        [
            ("bad-inputs/corrupted-line.maps", "partial", "corrupt"),
            ("bad-inputs/corrupted-line.maps.line.txt", "skipped", "not-a-capture"),
            ("bad-inputs/empty.txt", "failed", "empty"),
            ("bad-inputs/not-a-core.elf.xz", "failed", "not-a-capture"),
            ("bad-inputs/random-4096.bin", "skipped", "not-a-capture"),
            ("bad-inputs/truncated-64k.core.xz", "partial", "truncated"),
            ("bad-inputs/truncated.pmap-x.txt", "partial", "corrupt"),
        ], problems);
        Assert.All(table.Records.Where(i => (string?)i["status"] == "ok"), i => Assert.Equal("none", i["problem"]));
    }

    [Fact]
    public void Diagnostics_keep_their_line_as_int64_and_their_offset_as_hex_text()
    {
        var diagnostics = ParquetTable.Write(CorpusRun.Prepared, ParquetReportWriter.Diagnostics).Records.ToList();

        var pmap = Assert.Single(diagnostics, d => (string?)d["input"] == "bad-inputs/truncated.pmap-x.txt" && (string?)d["id"] == "FX1020");
        Assert.Equal((20L, null), ((long?)pmap["line"], (string?)pmap["offset"]));
        var core = diagnostics.Where(d => (string?)d["input"] == "bad-inputs/truncated-64k.core.xz" && (string?)d["id"] == "FX3010").ToList();
        Assert.Equal(["0x1c8", "0x200", "0x238", "0x10000"], core.Select(d => (string?)d["offset"]));
        Assert.All(core, d => Assert.Null(d["line"]));
    }

    [Fact]
    public void Rows_are_written_in_row_groups_of_at_most_the_given_size()
    {
        var run = CorpusRun.Prepared;
        var whole = ParquetTable.Write(run, ParquetReportWriter.Regions);

        var split = ParquetTable.Write(run, ParquetReportWriter.Regions, rowGroupRows: 10);

        Assert.Equal(1, whole.RowGroups);
        Assert.Equal((whole.Rows.Count + 9) / 10, split.RowGroups);
        Assert.Equal(whole.Metadata.NumRows, split.Metadata.NumRows);
        Assert.All(split.Metadata.RowGroups.SkipLast(1), g => Assert.Equal(10, g.NumRows));
        Assert.Equal(whole.ToCsv(), split.ToCsv());
    }

    [Fact]
    public void The_same_run_gives_the_same_bytes_with_no_clock_in_the_metadata()
    {
        var first = ParquetReportWriter.FileNames.Select(f => ParquetTable.WriteBytes(CorpusRun.Prepared, f)).ToList();
        var second = ParquetReportWriter.FileNames.Select(f => ParquetTable.WriteBytes(CorpusRun.Prepared, f)).ToList();

        Assert.Equal(first, second);
        var metadata = ParquetTable.Read(first[0]).Metadata;
        Assert.Null(metadata.KeyValueMetadata);
        Assert.Equal("Parquet.Net version 6.1.0 (build c179d97bd2549b5f44a9241e729f869d4947ee59)", metadata.CreatedBy);
    }

    [Fact]
    public void A_run_without_captures_writes_every_table_with_its_columns_and_no_rows()
    {
        var empty = new PreparedRun(new AnalysisRun([], [], null));
        foreach (var fileName in ParquetReportWriter.FileNames)
        {
            var table = ParquetTable.Write(empty, fileName);
            Assert.Equal(ParquetColumns.Of(Path.ChangeExtension(fileName, ".csv")).Select(c => c.Name), table.Names);
            Assert.Empty(table.Rows);
        }
    }

    [Fact]
    public void A_size_above_the_int64_range_is_null_in_parquet_while_the_csv_keeps_its_digits()
    {
        // The importer takes this line as it is; no real process has such a region.
        var path = Path.GetTempFileName();
        PreparedRun run;
        try
        {
            File.WriteAllText(path, "00000000-ffffffffffffffff r--p 00000000 00:00 0\n");
            var batch = new BatchImporter().ImportFile(path, "huge.maps");
            run = new PreparedRun(new AnalysisRun([], [.. batch.Captures.Select(c => CaptureAnalyzer.Analyze(c, batch.Captures))], null));
        }
        finally
        {
            File.Delete(path);
        }

        var region = Assert.Single(ParquetTable.Write(run, ParquetReportWriter.Regions).Records);

        Assert.Equal(("0x0", "0xffffffffffffffff", null), ((string?)region["start"], (string?)region["end"], (long?)region["size"]));
        Assert.Contains("huge-maps,0x0,0xffffffffffffffff,18446744073709551615,", Csv(run, ParquetReportWriter.Regions), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_writer_writes_the_parquet_files_beside_the_csv_files_when_asked()
    {
        var directory = Directory.CreateTempSubdirectory("forensics-parquet-");
        try
        {
            var run = new AnalysisRun(CorpusRun.Prepared.Inputs, CorpusRun.Prepared.Captures, CorpusRun.Prepared.Comparison);

            var written = ReportWriter.Write(run, directory.FullName, ReportFormats.Csv | ReportFormats.Parquet);

            Assert.Equal([.. CsvReportWriter.FileNames, .. ParquetReportWriter.FileNames], written);
            var regions = ParquetTable.Read(File.ReadAllBytes(Path.Combine(directory.FullName, ParquetReportWriter.Regions)));
            Assert.Equal(File.ReadAllText(Path.Combine(directory.FullName, CsvReportWriter.Regions)), regions.ToCsv());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Csv(PreparedRun run, string parquetFileName)
    {
        using var writer = new StringWriter();
        CsvReportWriter.Write(run, Path.ChangeExtension(parquetFileName, ".csv"), writer);
        return writer.ToString();
    }
}

using Forensics.Analysis;
using Forensics.Pipeline;
using Forensics.Reports.Csv;
using Forensics.Reports.Parquet;
using Forensics.Reports.Tables;
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
        Assert.Equal(csv, table.ToCsv(ReportTables.ByFileName(fileName)!));
    }

    [Fact]
    public void The_corpus_run_fills_every_table()
    {
        var run = CorpusRun.Prepared;
        var rows = ParquetReportWriter.FileNames.ToDictionary(f => f, f => ParquetTable.Write(run, f).Rows.Count, StringComparer.Ordinal);

        Assert.Equal(run.Captures.Sum(a => a.Capture.Regions.Count), rows["regions.parquet"]);
        Assert.Equal(run.Captures.Count, rows["captures.parquet"]);
        Assert.Equal(run.Inputs.Count, rows["inputs.parquet"]);
        Assert.Equal(run.ComparisonRows.Count, rows["comparison.parquet"]);
        Assert.Equal(run.Captures.Count, rows["programs.parquet"]);
        // These captures map one build of each library: no version skew.
        Assert.Equal(0, rows["versions.parquet"]);
        Assert.All(rows.Where(r => r.Key != "versions.parquet"), r => Assert.True(r.Value > 0, r.Key + " is empty"));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Parquet_columns_are_the_csv_columns_in_order_with_their_declared_types(string fileName)
    {
        var csvFileName = Path.ChangeExtension(fileName, ".csv");
        var header = Csv(CorpusRun.Prepared, fileName).Split('\n')[0].Split(',');
        var declared = ReportTables.ByFileName(csvFileName)!.Columns;

        var table = ParquetTable.Write(CorpusRun.Prepared, fileName);

        Assert.Equal(header, table.Names);
        Assert.All(table.Columns.Zip(declared), pair =>
        {
            var (column, type) = (pair.First, pair.Second.Type);
            switch (type)
            {
                case ColumnType.Text:
                    Assert.Equal((PhysicalType.BYTE_ARRAY, FieldRepetitionType.OPTIONAL), (column.Type, column.RepetitionType));
                    Assert.NotNull(column.LogicalType?.STRING);
                    break;
                case ColumnType.Integer:
                    Assert.Equal((PhysicalType.INT64, FieldRepetitionType.OPTIONAL), (column.Type, column.RepetitionType));
                    Assert.Equal(((sbyte)64, true), (column.LogicalType!.INTEGER!.BitWidth, column.LogicalType.INTEGER.IsSigned));
                    break;
                case ColumnType.Unsigned or ColumnType.Address:
                    Assert.Equal((PhysicalType.INT64, FieldRepetitionType.OPTIONAL), (column.Type, column.RepetitionType));
                    Assert.Equal(((sbyte)64, false), (column.LogicalType!.INTEGER!.BitWidth, column.LogicalType.INTEGER.IsSigned));
                    break;
                case ColumnType.Boolean:
                    Assert.Equal((PhysicalType.BOOLEAN, FieldRepetitionType.REQUIRED), (column.Type, column.RepetitionType));
                    break;
                default:
                    Assert.Fail("undeclared type " + type);
                    break;
            }
        });
    }

    [Fact]
    public void A_core_region_reads_back_with_its_addresses_and_sizes_as_unsigned_and_its_thread_id_as_signed_int64()
    {
        var regions = ParquetTable.Write(CorpusRun.Prepared, "regions.parquet").Records.ToList();

        var text = Assert.Single(regions, r => (string?)r["capture_id"] == "live+gcore.core.xz" && (ulong?)r["start"] == 0x55896fdf1000UL);
        Assert.Equal(0x55896fdf2000UL, text["end"]);
        Assert.Equal(4096UL, text["size"]);
        Assert.Equal("r--p", text["perms"]);
        Assert.Equal(0UL, text["offset"]);
        Assert.Equal(11657861UL, text["inode"]);
        Assert.Equal("/tmp/forensics-corpus/bin/live", text["name"]);
        Assert.Equal(false, text["deleted"]);
        Assert.Equal("rodata", text["kind"]);
        Assert.Equal(4096UL, text["dumped_bytes"]);
        Assert.Equal("core-load+core-file+maps+smaps+pmap+gdb", text["sources"]);

        // Parquet keeps the cell as the model has it: the CSV writes this guard's perms as '---p for spreadsheets.
        var guard = Assert.Single(regions, r => (string?)r["capture_id"] == "live+gcore.core.xz" && (ulong?)r["start"] == 0x7f0cc65ae000UL);
        Assert.Equal(("---p", "guard", 4096UL, null), ((string?)guard["perms"], (string?)guard["kind"], (ulong?)guard["size"], (string?)guard["name"]));
        var stack = Assert.Single(regions, r => (string?)r["capture_id"] == "live+gcore.core.xz" && (ulong?)r["start"] == 0x7f0cc65af000UL);
        Assert.Equal(("thread-stack", 28580L, 8388608UL), ((string?)stack["kind"], (long?)stack["thread_id"], (ulong?)stack["size"]));
    }

    [Fact]
    public void Modules_keep_their_build_ids_and_captures_their_pid_and_counts_as_int64_and_bytes_as_unsigned()
    {
        var run = CorpusRun.Prepared;
        var libc = Assert.Single(ParquetTable.Write(run, "modules.parquet").Records,
            m => (string?)m["capture_id"] == "crash-null+core.xz" && (string?)m["module"] == "libc.so.6");
        Assert.Equal("93ac61ec5a8eb1396f9fbd350e3169a558528a40", libc["build_id"]);
        Assert.Equal(("/usr/lib/x86_64-linux-gnu/libc.so.6", 0x7f63582d5000UL, 1974272UL, false),
            ((string?)libc["path"], (ulong?)libc["base"], (ulong?)libc["size"], (bool?)libc["main_executable"]));

        var captures = ParquetTable.Write(run, "captures.parquet").Records.ToList();
        var core = Assert.Single(captures, c => (string?)c["capture_id"] == "crash-null+core.xz");
        Assert.Equal((28823L, 25L, 2605056UL, 4L, 1L), ((long?)core["pid"], (long?)core["regions"], (ulong?)core["mapped_bytes"], (long?)core["modules"], (long?)core["threads"]));
        Assert.Equal(("SIGSEGV", 0x10UL, "null-pointer-dereference"), ((string?)core["signal"], (ulong?)core["fault_address"], (string?)core["verdict"]));
        // A core has no line range: null, where the CSV cell is empty.
        Assert.Equal((null, null), ((long?)core["first_line"], (long?)core["last_line"]));
        var maps = Assert.Single(captures, c => (string?)c["capture_id"] == "preload+maps");
        Assert.Equal((null, 30L, 1L, 30L), ((long?)maps["pid"], (long?)maps["regions"], (long?)maps["first_line"], (long?)maps["last_line"]));
    }

    [Fact]
    public void Inputs_name_their_problem_right_after_their_status()
    {
        var table = ParquetTable.Write(CorpusRun.Prepared, "inputs.parquet");

        Assert.Equal(["path", "status", "problem", "reason"], table.Names.Take(4));
        var problems = table.Records
            .Where(i => ((string?)i["path"])!.StartsWith("bad-inputs/", StringComparison.Ordinal))
            .Select(i => ((string?)i["path"], (string?)i["status"], (string?)i["problem"]));
        Assert.Equal(
        [
            ("bad-inputs/corrupted-line.maps", "partial", "corrupt"),
            ("bad-inputs/corrupted-line.maps.line.txt", "skipped", "not-a-capture"),
            ("bad-inputs/empty.txt", "failed", "empty"),
            ("bad-inputs/long-paths.pmap-x.txt", "partial", "corrupt"),
            ("bad-inputs/not-a-core.elf.xz", "failed", "not-a-capture"),
            ("bad-inputs/random-4096.bin", "skipped", "not-a-capture"),
            ("bad-inputs/truncated-64k.core.xz", "partial", "truncated"),
            ("bad-inputs/truncated.pmap-x.txt", "partial", "corrupt"),
        ], problems);
        Assert.All(table.Records.Where(i => (string?)i["status"] == "ok"), i => Assert.Equal("none", i["problem"]));
    }

    [Fact]
    public void Diagnostics_keep_their_line_as_int64_and_their_offset_as_unsigned()
    {
        var diagnostics = ParquetTable.Write(CorpusRun.Prepared, "diagnostics.parquet").Records.ToList();

        var pmap = Assert.Single(diagnostics, d => (string?)d["input"] == "bad-inputs/truncated.pmap-x.txt" && (string?)d["id"] == "FX1020");
        Assert.Equal((20L, null), ((long?)pmap["line"], (ulong?)pmap["offset"]));
        var core = diagnostics.Where(d => (string?)d["input"] == "bad-inputs/truncated-64k.core.xz" && (string?)d["id"] == "FX3010").ToList();
        Assert.Equal([0x1c8UL, 0x200UL, 0x238UL, 0x10000UL], core.Select(d => (ulong?)d["offset"]));
        Assert.All(core, d => Assert.Null(d["line"]));
    }

    [Fact]
    public void Rows_are_written_in_row_groups_of_at_most_the_given_size()
    {
        var run = CorpusRun.Prepared;
        var whole = ParquetTable.Write(run, "regions.parquet");

        var split = ParquetTable.Write(run, "regions.parquet", rowGroupRows: 10);

        Assert.Equal(1, whole.RowGroups);
        Assert.Equal((whole.Rows.Count + 9) / 10, split.RowGroups);
        Assert.Equal(whole.Metadata.NumRows, split.Metadata.NumRows);
        Assert.All(split.Metadata.RowGroups.SkipLast(1), g => Assert.Equal(10, g.NumRows));
        Assert.Equal(whole.ToCsv(ReportTables.Regions), split.ToCsv(ReportTables.Regions));
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
            Assert.Equal(ReportTables.ByFileName(fileName)!.Columns.Select(c => c.Name), table.Names);
            Assert.Empty(table.Rows);
        }
    }

    [Fact]
    public void A_size_above_the_int64_range_reads_back_whole_from_parquet_as_from_the_csv()
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

        var region = Assert.Single(ParquetTable.Write(run, "regions.parquet").Records);

        Assert.Equal((0UL, ulong.MaxValue, 18446744073709551615UL), ((ulong?)region["start"], (ulong?)region["end"], (ulong?)region["size"]));
        Assert.True((ulong?)region["size"] >= 1UL << 63);
        Assert.Contains("huge.maps,0x0,0xffffffffffffffff,18446744073709551615,", Csv(run, "regions.parquet"), StringComparison.Ordinal);
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
            var regions = ParquetTable.Read(File.ReadAllBytes(Path.Combine(directory.FullName, "regions.parquet")));
            Assert.Equal(File.ReadAllText(Path.Combine(directory.FullName, "regions.csv")), regions.ToCsv(ReportTables.Regions));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Csv(PreparedRun run, string parquetFileName)
    {
        using var stream = new MemoryStream();
        CsvReportWriter.Write(run, Path.ChangeExtension(parquetFileName, ".csv"), stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}

using System.Globalization;
using System.Text;
using Forensics.Analysis;
using Forensics.Reports.Csv;
using Forensics.Reports.Parquet;
using Forensics.Reports.Tables;
using Forensics.Reports.Tests.Parquet;
using Forensics.TestSupport;

namespace Forensics.Reports.Tests.Tables;

public sealed class ReportTablesTests
{
    public static TheoryData<string> CsvFiles => [.. CsvReportWriter.FileNames];

    [Theory]
    [MemberData(nameof(CsvFiles))]
    public void Every_csv_header_is_its_table_columns_names_in_order(string csvFileName)
    {
        var table = ReportTables.ByFileName(csvFileName)!;

        Assert.Equal(table.Columns.Select(c => c.Name), Header(new PreparedRun(new AnalysisRun([], [], null)), csvFileName));
        Assert.Equal(table.Columns.Select(c => c.Name), Header(CorpusRun.Prepared, csvFileName));
        Assert.Equal(table.Columns.Select(c => c.Name), ParseCsv(File.ReadAllText(Path.Combine(TestPaths.Reports, csvFileName)))[0]);
    }

    [Fact]
    public void The_writers_make_one_csv_and_one_parquet_file_per_table_in_the_same_order()
    {
        Assert.Equal(
            ["inputs.csv", "captures.csv", "regions.csv", "modules.csv", "findings.csv", "comparison.csv", "diagnostics.csv", "frames.csv", "programs.csv", "versions.csv"],
            CsvReportWriter.FileNames);
        Assert.Equal(CsvReportWriter.FileNames.Select(f => Path.ChangeExtension(f, ".parquet")), ParquetReportWriter.FileNames);
        Assert.Equal(CsvReportWriter.FileNames, ReportTables.All.Select(t => t.CsvFileName));
    }

    [Fact]
    public void Addresses_and_sizes_are_unsigned_columns_and_counts_are_integers()
    {
        Assert.Equal(
            [("start", ColumnType.Address), ("end", ColumnType.Address), ("size", ColumnType.Unsigned), ("offset", ColumnType.Address),
             ("inode", ColumnType.Unsigned), ("rss_bytes", ColumnType.Unsigned), ("dumped_bytes", ColumnType.Unsigned), ("thread_id", ColumnType.Integer)],
            ReportTables.Regions.Columns.Where(c => c.Name is "start" or "end" or "size" or "offset" or "inode" or "rss_bytes" or "dumped_bytes" or "thread_id")
                .Select(c => (c.Name, c.Type)));
        Assert.Equal(ColumnType.Address, Assert.Single(ReportTables.Captures.Columns, c => c.Name == "fault_address").Type);
        Assert.Equal(ColumnType.Unsigned, Assert.Single(ReportTables.Captures.Columns, c => c.Name == "mapped_bytes").Type);
        Assert.Equal(ColumnType.Integer, Assert.Single(ReportTables.Captures.Columns, c => c.Name == "pid").Type);
    }

    [Fact]
    public void Adding_a_column_is_one_call_and_a_name_cannot_repeat()
    {
        var table = new ReportTable<int>("numbers", _ => [1, 2]).Integer("value", x => x).Address("address", x => (ulong)x * 0x1000);

        Assert.Equal(["value", "address"], table.Columns.Select(c => c.Name));
        Assert.Equal(("2", "0x2000"), (table.Columns[0].Cell(2), table.Columns[1].Cell(2)));
        Assert.Throws<ArgumentException>(() => table.Text("value", x => "again"));
    }

    /// <summary>
    /// <c>reports/</c> is what the corpus run writes (kept current by the CLI golden test): every cell of a typed column
    /// there is empty or a value of its type, and every cell of a flag column is <c>true</c> or <c>false</c>.
    /// </summary>
    [Theory]
    [MemberData(nameof(CsvFiles))]
    public void Typed_columns_hold_values_of_their_type_in_every_csv_cell_of_the_corpus_run(string csvFileName)
    {
        var rows = ParseCsv(File.ReadAllText(Path.Combine(TestPaths.Reports, csvFileName)));
        var columns = ReportTables.ByFileName(csvFileName)!.Columns;
        Assert.All(rows.Skip(1), row => Assert.Equal(columns.Count, row.Count));

        var checkedCells = 0;
        for (var i = 0; i < columns.Count; i++)
        {
            var name = columns[i].Name;
            var cells = rows.Skip(1).Select(r => r[i]).Where(c => c.Length > 0).ToList();
            switch (columns[i].Type)
            {
                case ColumnType.Integer:
                    Assert.All(cells, c => Assert.True(long.TryParse(c, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _), name + ": " + c));
                    break;
                case ColumnType.Unsigned:
                    Assert.All(cells, c => Assert.True(ulong.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out _), name + ": " + c));
                    break;
                case ColumnType.Address:
                    Assert.All(cells, c => Assert.True(c.StartsWith("0x", StringComparison.Ordinal)
                        && ulong.TryParse(c.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _), name + ": " + c));
                    break;
                case ColumnType.Boolean:
                    Assert.Equal(rows.Count - 1, cells.Count);
                    Assert.All(cells, c => Assert.Contains(c, new[] { "true", "false" }));
                    break;
                default:
                    continue;
            }
            checkedCells += cells.Count;
        }
        if (columns.Any(c => c.Type != ColumnType.Text))
            Assert.True(checkedCells > 0, "no typed cell in " + csvFileName);
    }

    private static List<string> Header(PreparedRun run, string csvFileName)
    {
        using var stream = new MemoryStream();
        CsvReportWriter.Write(run, csvFileName, stream);
        return ParseCsv(System.Text.Encoding.UTF8.GetString(stream.ToArray()))[0];
    }

    /// <summary>RFC 4180 as the CSV writer writes it: quoted cells may hold commas, doubled quotes and line breaks.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                    cell.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"')
                    cell.Append(text[++i]);
                else
                    quoted = false;
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                cell.Append(c);
            }
        }
        return rows;
    }
}

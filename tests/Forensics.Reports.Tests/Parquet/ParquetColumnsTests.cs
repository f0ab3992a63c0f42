using System.Globalization;
using System.Text;
using Forensics.Analysis;
using Forensics.Reports.Csv;
using Forensics.Reports.Parquet;
using Forensics.TestSupport;

namespace Forensics.Reports.Tests.Parquet;

public sealed class ParquetColumnsTests
{
    public static TheoryData<string> CsvFiles => [.. CsvReportWriter.FileNames];

    [Theory]
    [MemberData(nameof(CsvFiles))]
    public void Every_column_of_every_csv_schema_has_a_declared_parquet_type(string csvFileName)
    {
        using var writer = new StringWriter();
        CsvReportWriter.Write(new PreparedRun(new AnalysisRun([], [], null)), csvFileName, writer);
        var header = writer.ToString().TrimEnd('\n').Split(',');

        var declared = ParquetColumns.Of(csvFileName);

        Assert.Equal(header, declared.Select(c => c.Name));
        Assert.All(declared, c => Assert.True(Enum.IsDefined(c.Type), c.Name));
    }

    [Fact]
    public void Every_csv_file_has_its_parquet_file_of_the_same_stem()
    {
        Assert.Equal(CsvReportWriter.FileNames.Select(f => Path.ChangeExtension(f, ".parquet")), ParquetReportWriter.FileNames);
    }

    /// <summary>
    /// <c>reports/</c> is what the corpus run writes (kept current by the CLI golden test): every cell of an INT64
    /// column there is empty or an integer, and every cell of a BOOLEAN column is <c>true</c> or <c>false</c>.
    /// </summary>
    [Theory]
    [MemberData(nameof(CsvFiles))]
    public void Typed_columns_hold_integers_and_booleans_in_every_csv_cell_of_the_corpus_run(string csvFileName)
    {
        var rows = ParseCsv(File.ReadAllText(Path.Combine(TestPaths.Reports, csvFileName)));
        var declared = ParquetColumns.Of(csvFileName);
        Assert.Equal(declared.Select(c => c.Name), rows[0]);
        Assert.All(rows.Skip(1), row => Assert.Equal(declared.Count, row.Count));

        var checkedCells = 0;
        for (var i = 0; i < declared.Count; i++)
        {
            var cells = rows.Skip(1).Select(r => r[i]).Where(c => c.Length > 0).ToList();
            switch (declared[i].Type)
            {
                case ParquetColumnType.Int64:
                    Assert.All(cells, c => Assert.True(long.TryParse(c, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _), declared[i].Name + ": " + c));
                    checkedCells += cells.Count;
                    break;
                case ParquetColumnType.Boolean:
                    Assert.Equal(rows.Count - 1, cells.Count);
                    Assert.All(cells, c => Assert.Contains(c, new[] { "true", "false" }));
                    checkedCells += cells.Count;
                    break;
            }
        }
        if (declared.Any(c => c.Type != ParquetColumnType.Text))
            Assert.True(checkedCells > 0, "no typed cell in " + csvFileName);
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

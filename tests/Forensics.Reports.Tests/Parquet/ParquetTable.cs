using System.Globalization;
using System.Text;
using Forensics.Reports.Escaping;
using Forensics.Reports.Parquet;
using Forensics.Reports.Tables;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;
using PhysicalType = Parquet.Meta.Type;

namespace Forensics.Reports.Tests.Parquet;

/// <summary>A Parquet file read back whole with Parquet.Net: its column schema, row groups and typed cells.</summary>
internal sealed class ParquetTable
{
    private ParquetTable(IReadOnlyList<SchemaElement> columns, IReadOnlyList<object?[]> rows, int rowGroups, FileMetaData metadata)
    {
        Columns = columns;
        Rows = rows;
        RowGroups = rowGroups;
        Metadata = metadata;
    }

    /// <summary>The leaf columns, in file order.</summary>
    public IReadOnlyList<SchemaElement> Columns { get; }

    /// <summary>Each row's cells: <see cref="string"/>, <see cref="long"/>, <see cref="ulong"/>, <see cref="bool"/> or null.</summary>
    public IReadOnlyList<object?[]> Rows { get; }

    public int RowGroups { get; }

    public FileMetaData Metadata { get; }

    public IEnumerable<string> Names => Columns.Select(c => c.Name);

    /// <summary>The rows as dictionaries by column name.</summary>
    public IEnumerable<Dictionary<string, object?>> Records =>
        Rows.Select(r => Columns.Select((c, i) => (c.Name, r[i])).ToDictionary(x => x.Name, x => x.Item2, StringComparer.Ordinal));

    public static ParquetTable Read(byte[] bytes) => Task.Run(() => ReadAsync(bytes)).GetAwaiter().GetResult();

    public static ParquetTable Write(PreparedRun run, string fileName, int rowGroupRows = ParquetReportWriter.RowGroupRows) =>
        Read(WriteBytes(run, fileName, rowGroupRows));

    public static byte[] WriteBytes(PreparedRun run, string fileName, int rowGroupRows = ParquetReportWriter.RowGroupRows)
    {
        using var stream = new MemoryStream();
        ParquetReportWriter.Write(run, fileName, stream, rowGroupRows);
        return stream.ToArray();
    }

    /// <summary>
    /// The table as the CSV writer writes it: unsigned values of <paramref name="table"/>'s address columns in hex,
    /// cells neutralised for spreadsheets, quoted where they hold a comma, a quote or a line break, <c>\n</c> after
    /// every row.
    /// </summary>
    public string ToCsv(ReportTable table)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', Names)).Append('\n');
        foreach (var row in Rows)
            text.Append(string.Join(',', row.Select((value, i) => Cell(value, table.Columns[i].Type)))).Append('\n');
        return text.ToString();
    }

    private static string Cell(object? value, ColumnType type)
    {
        var cell = UntrustedText.Csv(value switch
        {
            null => "",
            string s => s,
            long n => n.ToString(CultureInfo.InvariantCulture),
            ulong n when type == ColumnType.Address => ReportValues.Address(n),
            ulong n => n.ToString(CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            _ => throw new InvalidOperationException("unexpected cell " + value.GetType()),
        });
        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    private static async Task<ParquetTable> ReadAsync(byte[] bytes)
    {
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(bytes));
        var fields = reader.Schema.DataFields;
        var metadata = reader.Metadata!;
        var columns = metadata.Schema.Skip(1).ToList();
        var rows = new List<object?[]>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var values = new object?[fields.Length][];
            for (var c = 0; c < fields.Length; c++)
                values[c] = await ReadColumnAsync(group, fields[c], columns[c], count);
            for (var r = 0; r < count; r++)
                rows.Add([.. values.Select(v => v[r])]);
        }
        return new ParquetTable(columns, rows, reader.RowGroupCount, metadata);
    }

    private static async Task<object?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, SchemaElement column, int count)
    {
        switch (column.Type)
        {
            case PhysicalType.BYTE_ARRAY:
            {
                var values = new string?[count];
                await group.ReadAsync(field, values.AsMemory()!);
                return values;
            }
            case PhysicalType.INT64 when column.LogicalType?.INTEGER?.IsSigned == false:
            {
                var values = new ulong?[count];
                await group.ReadAsync<ulong>(field, values.AsMemory());
                return [.. values.Select(v => (object?)v)];
            }
            case PhysicalType.INT64:
            {
                var values = new long?[count];
                await group.ReadAsync<long>(field, values.AsMemory());
                return [.. values.Select(v => (object?)v)];
            }
            case PhysicalType.BOOLEAN:
            {
                var values = new bool[count];
                await group.ReadAsync<bool>(field, values.AsMemory());
                return [.. values.Select(v => (object?)v)];
            }
            default:
                throw new InvalidOperationException("unexpected column type " + column.Type);
        }
    }
}

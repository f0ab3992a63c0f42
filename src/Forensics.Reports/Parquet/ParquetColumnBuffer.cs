using System.Diagnostics;
using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Forensics.Reports.Parquet;

/// <summary>
/// The cells of one column for the row group being built, typed from the CSV cell text, so that a Parquet
/// table holds exactly what its CSV holds. Emptied by each <see cref="WriteAsync"/>.
/// </summary>
internal abstract class ParquetColumnBuffer
{
    private ParquetColumnBuffer(string table, DataField field)
    {
        Table = table;
        Field = field;
    }

    public DataField Field { get; }

    protected string Table { get; }

    public static ParquetColumnBuffer For(string table, ParquetColumn column) => column.Type switch
    {
        ParquetColumnType.Text => new TextBuffer(table, new DataField(column.Name, typeof(string), isNullable: true)),
        ParquetColumnType.Int64 => new Int64Buffer(table, new DataField(column.Name, typeof(long), isNullable: true)),
        ParquetColumnType.Boolean => new BooleanBuffer(table, new DataField(column.Name, typeof(bool), isNullable: false)),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "Not a Parquet column type."),
    };

    /// <summary>Adds the cell of the next row, as the CSV writes it (empty for unknown).</summary>
    public abstract void Add(string cell);

    /// <summary>Writes the cells added since the last call as this column of <paramref name="rowGroup"/>.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup);

    private UnreachableException Mistyped(string cell) =>
        new($"column [{Field.Name}] of [{Table}] is declared [{GetType().Name}] but holds [{cell}]");

    private sealed class TextBuffer(string table, DataField field) : ParquetColumnBuffer(table, field)
    {
        private readonly List<string?> _values = [];

        public override void Add(string cell) => _values.Add(cell.Length == 0 ? null : cell);

        public override async Task WriteAsync(ParquetRowGroupWriter rowGroup)
        {
            await rowGroup.WriteAsync(Field, _values!).ConfigureAwait(false);
            _values.Clear();
        }
    }

    private sealed class Int64Buffer(string table, DataField field) : ParquetColumnBuffer(table, field)
    {
        private readonly List<long?> _values = [];

        public override void Add(string cell)
        {
            if (cell.Length == 0)
                _values.Add(null);
            else if (long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                _values.Add(value);
            // Sizes are unsigned 64-bit (docs/region-model.md#region); one above 2^63-1 comes only from a hostile capture
            // (a maps line 0-ffffffffffffffff). INT64 cannot hold it: it is unknown here, the CSV keeps the digits.
            else if (cell.All(char.IsAsciiDigit))
                _values.Add(null);
            else
                throw Mistyped(cell);
        }

        public override async Task WriteAsync(ParquetRowGroupWriter rowGroup)
        {
            await rowGroup.WriteAsync<long>(Field, _values.ToArray()).ConfigureAwait(false);
            _values.Clear();
        }
    }

    private sealed class BooleanBuffer(string table, DataField field) : ParquetColumnBuffer(table, field)
    {
        private readonly List<bool> _values = [];

        public override void Add(string cell) => _values.Add(cell switch
        {
            "true" => true,
            "false" => false,
            _ => throw Mistyped(cell),
        });

        public override async Task WriteAsync(ParquetRowGroupWriter rowGroup)
        {
            await rowGroup.WriteAsync<bool>(Field, _values.ToArray()).ConfigureAwait(false);
            _values.Clear();
        }
    }
}

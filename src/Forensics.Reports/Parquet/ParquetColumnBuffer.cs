using Forensics.Reports.Tables;
using Parquet;
using Parquet.Schema;

namespace Forensics.Reports.Parquet;

/// <summary>
/// The values of one column for the row group being built, typed by the column's declaration: text as UTF-8 strings,
/// integers as <c>INT64</c>, sizes and addresses as unsigned <c>INT64</c> (so a size above 2^63 keeps its value), flags
/// as required <c>BOOLEAN</c>. Unknown values are null. Emptied by each <see cref="WriteAsync"/>.
/// </summary>
internal abstract class ParquetColumnBuffer<T>
{
    private ParquetColumnBuffer(DataField field) => Field = field;

    public DataField Field { get; }

    public static ParquetColumnBuffer<T> For(TableColumn<T> column) => column switch
    {
        TextColumn<T> text => new TextBuffer(text),
        IntegerColumn<T> integer => new ValueBuffer<long>(integer.Name, integer.Value),
        UnsignedColumn<T> unsigned => new ValueBuffer<ulong>(unsigned.Name, unsigned.Value),
        BooleanColumn<T> flag => new BooleanBuffer(flag),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "Not a column type Parquet stores."),
    };

    /// <summary>Adds the value of the next row.</summary>
    public abstract void Add(T row);

    /// <summary>Writes the values added since the last call as this column of <paramref name="rowGroup"/>.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup);

    private sealed class TextBuffer(TextColumn<T> column) : ParquetColumnBuffer<T>(new DataField(column.Name, typeof(string), isNullable: true))
    {
        private readonly List<string?> _values = [];

        // Empty text is unknown, as the CSV shows it.
        public override void Add(T row) => _values.Add(column.Value(row) is { Length: > 0 } text ? text : null);

        public override async Task WriteAsync(ParquetRowGroupWriter rowGroup)
        {
            await rowGroup.WriteAsync(Field, _values!).ConfigureAwait(false);
            _values.Clear();
        }
    }

    private sealed class ValueBuffer<TValue>(string name, Func<T, TValue?> value) : ParquetColumnBuffer<T>(new DataField(name, typeof(TValue), isNullable: true))
        where TValue : struct
    {
        private readonly List<TValue?> _values = [];

        public override void Add(T row) => _values.Add(value(row));

        public override async Task WriteAsync(ParquetRowGroupWriter rowGroup)
        {
            await rowGroup.WriteAsync<TValue>(Field, _values.ToArray()).ConfigureAwait(false);
            _values.Clear();
        }
    }

    private sealed class BooleanBuffer(BooleanColumn<T> column) : ParquetColumnBuffer<T>(new DataField(column.Name, typeof(bool), isNullable: false))
    {
        private readonly List<bool> _values = [];

        public override void Add(T row) => _values.Add(column.Value(row));

        public override async Task WriteAsync(ParquetRowGroupWriter rowGroup)
        {
            await rowGroup.WriteAsync<bool>(Field, _values.ToArray()).ConfigureAwait(false);
            _values.Clear();
        }
    }
}

namespace Forensics.Reports.Tables;

/// <summary>An <see cref="ColumnType.Unsigned"/> or <see cref="ColumnType.Address"/> column: the same values, printed in decimal or in hex.</summary>
public sealed class UnsignedColumn<T> : TableColumn<T>
{
    private readonly Func<T, ulong?> _value;

    public UnsignedColumn(string name, ColumnType type, Func<T, ulong?> value, string? jsonName)
        : base(name, type, jsonName)
    {
        if (type is not (ColumnType.Unsigned or ColumnType.Address))
            throw new ArgumentOutOfRangeException(nameof(type), type, "An unsigned column holds sizes or addresses.");
        _value = value;
    }

    public ulong? Value(T row) => _value(row);

    public override string Cell(T row) => Type == ColumnType.Address ? ReportValues.Address(_value(row)) : ReportValues.Number(_value(row));

    public override object? JsonValue(T row) => Type == ColumnType.Address
        ? _value(row) is { } address ? ReportValues.Address(address) : null
        : _value(row);
}

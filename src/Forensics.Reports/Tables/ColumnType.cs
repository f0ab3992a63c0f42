namespace Forensics.Reports.Tables;

/// <summary>
/// What a report table's column holds, which fixes how each writer prints or stores it
/// (docs/report-schema.md#column-types).
/// </summary>
public enum ColumnType
{
    /// <summary>Text: the CSV cell as it is (empty for unknown), a Parquet <c>STRING</c>, a JSON string or null.</summary>
    Text,

    /// <summary>A signed count, id or line number: decimal in CSV, Parquet <c>INT64</c>, a JSON number or null.</summary>
    Integer,

    /// <summary>An unsigned 64-bit size or byte count: decimal in CSV, Parquet unsigned <c>INT64</c> (UINT_64), a JSON number or null.</summary>
    Unsigned,

    /// <summary>An unsigned 64-bit address or offset: <c>0x</c> lower-case hex in CSV and JSON, Parquet unsigned <c>INT64</c> (UINT_64).</summary>
    Address,

    /// <summary>A flag that is never unknown: <c>true</c> or <c>false</c> in CSV and JSON, a required Parquet <c>BOOLEAN</c>.</summary>
    Boolean,
}

namespace Forensics.Reports.Parquet;

/// <summary>How a CSV column is stored in its Parquet table.</summary>
public enum ParquetColumnType
{
    /// <summary>A UTF-8 string (<c>BYTE_ARRAY</c>, logical type <c>STRING</c>), null where the CSV cell is empty.</summary>
    Text,

    /// <summary>A signed 64-bit integer (<c>INT64</c>), null where the CSV cell is empty.</summary>
    Int64,

    /// <summary>A <c>BOOLEAN</c> that is never null: the CSV cell is always <c>true</c> or <c>false</c>.</summary>
    Boolean,
}

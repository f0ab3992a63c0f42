namespace Forensics.Reports.Parquet;

/// <summary>One column of a Parquet table: the CSV column's name and the type it is stored as.</summary>
public readonly record struct ParquetColumn(string Name, ParquetColumnType Type);

namespace Forensics.Reports;

/// <summary>The report formats of <c>--format</c>.</summary>
[Flags]
public enum ReportFormats
{
    None = 0,
    Markdown = 1,
    Csv = 2,
    Json = 4,
    /// <summary>The CSV tables as Parquet files; not part of <see cref="All"/>, asked for by name.</summary>
    Parquet = 8,
    All = Markdown | Csv | Json,
}

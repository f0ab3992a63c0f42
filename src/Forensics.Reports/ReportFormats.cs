namespace Forensics.Reports;

/// <summary>The report formats of <c>--format</c>.</summary>
[Flags]
public enum ReportFormats
{
    None = 0,
    Markdown = 1,
    Csv = 2,
    Json = 4,
    All = Markdown | Csv | Json,
}

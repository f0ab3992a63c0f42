using Forensics.Reports.Csv;

namespace Forensics.Reports.Parquet;

/// <summary>
/// The Parquet type of every column of every CSV table, in the CSV's column order: the one place that types
/// the CSV schemas. Counts, sizes, pids, thread ids, line numbers, inodes and bytes are <see cref="ParquetColumnType.Int64"/>;
/// flags are <see cref="ParquetColumnType.Boolean"/>; everything else is <see cref="ParquetColumnType.Text"/>, addresses
/// and offsets included, which stay <c>0x</c> hex strings so that they join with the CSV. A column added to a CSV
/// schema must be added here too: <see cref="ParquetReportWriter"/> refuses a table whose columns differ.
/// </summary>
public static class ParquetColumns
{
    private const ParquetColumnType Text = ParquetColumnType.Text;
    private const ParquetColumnType Int64 = ParquetColumnType.Int64;
    private const ParquetColumnType Boolean = ParquetColumnType.Boolean;

    private static readonly Dictionary<string, ParquetColumn[]> Tables = new(StringComparer.Ordinal)
    {
        [CsvReportWriter.Inputs] =
        [
            new("path", Text), new("status", Text), new("problem", Text), new("reason", Text), new("sha256", Text), new("bytes", Int64),
            new("captures", Text), new("diagnostics", Int64),
        ],
        [CsvReportWriter.Captures] =
        [
            new("capture_id", Text), new("input", Text), new("sha256", Text), new("format", Text), new("arch", Text),
            new("pid", Int64), new("process", Text), new("regions", Int64), new("mapped_bytes", Int64), new("modules", Int64),
            new("threads", Int64),
            // A signal name (SIGSEGV) where it is known, else its number: text.
            new("signal", Text),
            new("fault_address", Text), new("findings", Int64), new("diagnostics", Int64), new("status", Text),
            new("variant", Text), new("first_line", Int64), new("last_line", Int64), new("verdict", Text), new("signature", Text),
        ],
        [CsvReportWriter.Regions] =
        [
            new("capture_id", Text), new("start", Text), new("end", Text), new("size", Int64), new("perms", Text),
            new("offset", Text), new("device", Text), new("inode", Int64), new("name", Text), new("deleted", Boolean),
            new("kind", Text), new("module", Text), new("rss_bytes", Int64), new("dirty_bytes", Int64), new("swap_bytes", Int64),
            new("dumped_bytes", Int64), new("sources", Text), new("name_is_basename", Boolean), new("thread_id", Int64),
            new("location", Text),
        ],
        [CsvReportWriter.Modules] =
        [
            new("capture_id", Text), new("module", Text), new("path", Text), new("base", Text), new("end", Text),
            new("size", Int64), new("build_id", Text), new("path_is_basename", Boolean), new("deleted", Boolean),
            new("main_executable", Boolean),
        ],
        [CsvReportWriter.Findings] =
        [
            new("capture_id", Text), new("severity", Text), new("rule", Text), new("start", Text), new("end", Text),
            new("name", Text), new("message", Text),
        ],
        // The values of a comparison row are addresses, signed deltas or names depending on its subject: text.
        [CsvReportWriter.Comparison] =
        [
            new("baseline_id", Text), new("capture_id", Text), new("subject", Text), new("change", Text),
            new("baseline_value", Text), new("value", Text), new("delta", Text),
        ],
        [CsvReportWriter.Diagnostics] =
        [
            new("input", Text), new("capture_id", Text), new("severity", Text), new("id", Text), new("line", Int64),
            new("offset", Text), new("message", Text),
        ],
        [CsvReportWriter.Frames] =
        [
            new("capture_id", Text), new("tid", Int64), new("crashing", Boolean), new("frame", Int64), new("pc", Text),
            new("module", Text), new("offset", Text), new("function", Text), new("function_offset", Text), new("file", Text),
            new("line", Int64), new("method", Text),
        ],
    };

    /// <summary>The columns of the table written as <paramref name="csvFileName"/> (one of <see cref="CsvReportWriter.FileNames"/>).</summary>
    public static IReadOnlyList<ParquetColumn> Of(string csvFileName) =>
        Tables.TryGetValue(csvFileName, out var columns)
            ? columns
            : throw new ArgumentOutOfRangeException(nameof(csvFileName), csvFileName, "Not a CSV file of the reports.");
}

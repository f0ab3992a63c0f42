namespace Forensics.Reports.Tables;

/// <summary>A writer of any table: called back by <see cref="ReportTable"/> with the row type it declares.</summary>
internal interface ITableWriter<out TResult>
{
    TResult Write<T>(ReportTable<T> table, IEnumerable<T> rows);
}

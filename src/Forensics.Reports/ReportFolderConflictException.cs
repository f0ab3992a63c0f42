namespace Forensics.Reports;

/// <summary>A report would replace a file the report writer did not place there; nothing was changed.</summary>
public sealed class ReportFolderConflictException : IOException
{
    public ReportFolderConflictException(string path)
        : base("[" + path + "] is not a report of this tool, and a report would replace it")
    {
        Path = path;
    }

    public ReportFolderConflictException()
    {
        Path = "";
    }

    public ReportFolderConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "";
    }

    /// <summary>The file that would have been replaced.</summary>
    public string Path { get; }
}

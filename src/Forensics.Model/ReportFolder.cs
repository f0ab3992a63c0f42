namespace Forensics.Model;

/// <summary>What marks a folder this tool wrote its reports to, so that it is never read back as evidence.</summary>
public static class ReportFolder
{
    /// <summary>The list of the report files a run placed in the folder, one relative path a line.</summary>
    public const string ManifestName = ".forensics-manifest";

    /// <summary>True when <paramref name="directory"/> holds reports this tool wrote.</summary>
    public static bool IsReportFolder(string directory) => File.Exists(Path.Combine(directory, ManifestName));
}

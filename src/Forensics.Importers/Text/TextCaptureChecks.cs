using Forensics.Model;

namespace Forensics.Importers.Text;

/// <summary>Checks every text parser makes at the end of a capture.</summary>
internal static class TextCaptureChecks
{
    public static void RequireRegions(CaptureBuilder capture, int firstLine)
    {
        if (capture.Regions.Count == 0)
            capture.Diagnostics.Error(DiagnosticCatalogue.NoRegions, SourceLocation.AtLine(firstLine),
                $"the [{capture.Format.ToId()}] capture holds no mapping");
    }

    /// <summary>Reports a line that marks rows cut out of the listing; false when <paramref name="line"/> is not one.</summary>
    public static bool ReportElision(CaptureBuilder capture, ReadOnlySpan<char> line, int number)
    {
        if (!TextLineClassifier.IsElision(TextSpan.TrimBlanks(line)))
            return false;
        capture.Diagnostics.Warning(DiagnosticCatalogue.RowsElided, SourceLocation.AtLine(number),
            $"rows were cut out of the listing here [{TextSpan.Excerpt(TextSpan.TrimBlanks(line))}]: the capture is incomplete and its totals cannot be checked");
        return true;
    }

    /// <summary>The basename of the first word of a command line, without a login shell's leading <c>-</c>.</summary>
    public static string? ProcessNameOf(string? commandLine)
    {
        if (string.IsNullOrWhiteSpace(commandLine))
            return null;
        var first = commandLine.AsSpan().TrimStart();
        var space = first.IndexOf(' ');
        if (space >= 0)
            first = first[..space];
        var slash = first.LastIndexOf('/');
        if (slash >= 0)
            first = first[(slash + 1)..];
        if (first.Length > 1 && first[0] == '-')
            first = first[1..];
        return first.IsEmpty ? null : first.ToString();
    }
}

namespace Forensics.Importers.Containers;

/// <summary>Lines of <c>Key:\tvalue</c> (/proc/PID/status) or <c>KEY=value</c> (lsb-release), as containers embed them.</summary>
internal static class KeyValueLines
{
    /// <summary>Each line's key and trimmed value; the first of each key wins.</summary>
    public static Dictionary<string, string> Parse(string text, char separator)
    {
        var lines = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var at = line.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0)
                lines.TryAdd(line[..at], line[(at + 1)..].Trim());
        }
        return lines;
    }
}

using System.Globalization;
using System.Text;
using Forensics.Importers.Budget;
using Forensics.Importers.Containers.Abrt;
using Forensics.Model;
using Forensics.Pipeline.Listing;

namespace Forensics.Pipeline.Importing;

/// <summary>
/// Reads the items of an ABRT problem directory that the importer uses, bounded: regular files only (a link is named and
/// not followed, as libreport opens items with O_NOFOLLOW), each up to <see cref="MaxItemBytes"/>, and finds its core.
/// </summary>
internal static class ProblemDirectoryReader
{
    /// <summary>The most read of one text item; a maps listing of thousands of mappings fits many times over.</summary>
    public const int MaxItemBytes = 4 << 20;

    /// <summary>The text items by name, and the path of the <c>coredump</c> (or <c>coredump.*</c>, read by content) to import.</summary>
    public static (Dictionary<string, string> Items, string? CorePath) Read(string directory, ReadBudget budget, DiagnosticBag diagnostics)
    {
        var (entries, more) = ProblemDirectory.Items(directory);
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        string? corePath = null;
        var folders = new List<string>();
        foreach (var entry in entries)
        {
            var isCore = entry.Name == "coredump" || entry.Name.StartsWith("coredump.", StringComparison.Ordinal);
            if (!isCore && !AbrtImporter.ItemNames.Contains(entry.Name))
            {
                if (entry is DirectoryInfo)
                    folders.Add(entry.Name);
                continue;
            }
            if (entry.LinkTarget is { } target || entry is not FileInfo)
            {
                diagnostics.Error(DiagnosticCatalogue.AbrtItemNotRegular, SourceLocation.None, entry.LinkTarget is null
                    ? $"the item [{entry.Name}] is a folder, not a file; not read"
                    : $"the item [{entry.Name}] is a symbolic link to [{entry.LinkTarget}]; not followed, as libreport would not");
                continue;
            }
            var file = (FileInfo)entry;
            if (isCore)
            {
                if (file.Length == 0)
                    diagnostics.Warning(DiagnosticCatalogue.AbrtItemEmpty, SourceLocation.None, $"the item [{entry.Name}] is empty: [0] bytes, so there is no core to read");
                else if (corePath is null)
                    corePath = file.FullName;
                continue;
            }
            items[entry.Name] = ReadText(file, budget, diagnostics);
        }
        if (folders.Count > 0 || more)
            diagnostics.Info(DiagnosticCatalogue.AbrtItemsSkipped, SourceLocation.None, more
                ? string.Create(CultureInfo.InvariantCulture, $"the problem directory holds more than [{ProblemDirectory.MaxItems}] items; the ones past the first [{ProblemDirectory.MaxItems}] in name order are not read")
                : $"subfolders not read: [{string.Join(", ", folders)}]");
        return (items, corePath);
    }

    /// <summary>The item's text (UTF-8, invalid bytes replaced), at most <see cref="MaxItemBytes"/> of it.</summary>
    private static string ReadText(FileInfo file, ReadBudget budget, DiagnosticBag diagnostics)
    {
        // A length of 0 may be a FIFO, which an open would block on: nothing to read either way.
        if (file.Length == 0)
            return "";
        using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        var buffer = new byte[(int)Math.Min(file.Length, MaxItemBytes)];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        budget.CheckAtOffset((ulong)length);
        if (length == MaxItemBytes && stream.ReadByte() >= 0)
            diagnostics.Warning(DiagnosticCatalogue.AbrtItemTooLarge, SourceLocation.None, string.Create(CultureInfo.InvariantCulture,
                $"the item [{file.Name}] is larger than [{MaxItemBytes}] bytes; only its first [{MaxItemBytes}] bytes are read"));
        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}

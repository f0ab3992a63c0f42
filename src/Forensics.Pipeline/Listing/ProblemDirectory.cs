using System.Text;

namespace Forensics.Pipeline.Listing;

/// <summary>
/// An ABRT (libreport) problem directory, one folder per crash with one file per item: one input, never a folder of
/// inputs. Recognised as libreport's dd_check recognises it: a file <c>time</c> holding a decimal number and a
/// non-empty file <c>type</c> (lib/dump_dir.c); the folder's name says nothing.
/// </summary>
internal static class ProblemDirectory
{
    /// <summary>Items listed at most; ABRT writes about forty.</summary>
    public const int MaxItems = 512;

    /// <summary>The longest <c>time</c> or <c>type</c> item read to recognise one.</summary>
    private const int MaxMarkerBytes = 64;

    public static bool Recognise(string directory)
    {
        var time = Marker(Path.Combine(directory, "time"));
        var type = Marker(Path.Combine(directory, "type"));
        return time is { Length: > 0 } && time.All(char.IsAsciiDigit) && type is { Length: > 0 };
    }

    /// <summary>The items of the directory in ordinal name order, at most <see cref="MaxItems"/>; also whether there were more.</summary>
    public static (List<FileSystemInfo> Items, bool More) Items(string directory)
    {
        var items = new List<FileSystemInfo>();
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            if (items.Count == MaxItems)
                return (Sorted(items), true);
            items.Add(entry);
        }
        return (Sorted(items), false);
    }

    private static List<FileSystemInfo> Sorted(List<FileSystemInfo> items)
    {
        items.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return items;
    }

    /// <summary>A small regular file's trimmed text (never through a link, as libreport opens with O_NOFOLLOW); null otherwise.</summary>
    private static string? Marker(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.LinkTarget is not null || info.Length is 0 or > MaxMarkerBytes)
            return null;
        try
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes(path)).Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

namespace Forensics.Pipeline.Importing;

/// <summary>What a file's metadata says of its content: size and last write; a missing file is (0, DateTime.MinValue).</summary>
internal readonly record struct FileSnapshot(long Length, DateTime LastWriteUtc)
{
    /// <summary>The file as opened now, through any symbolic links (a link's own size and time say nothing of the content).</summary>
    public static FileSnapshot Of(string path)
    {
        if (FileIdentity.Status(path) is (var length, var lastWriteUtc, var isDirectory))
            return isDirectory ? OfDirectory(path) : new FileSnapshot(length, lastWriteUtc);
        if (Directory.Exists(path))
            return OfDirectory(path);
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new FileSnapshot(RandomAccess.GetLength(handle), File.GetLastWriteTimeUtc(handle));
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return new FileSnapshot(0, DateTime.MinValue);
        }
    }

    /// <summary>An ABRT problem directory: its items' lengths added up, and the latest write of the folder or an item.</summary>
    private static FileSnapshot OfDirectory(string path)
    {
        var items = Listing.ProblemDirectory.Items(path).Items;
        var length = items.OfType<FileInfo>().Where(f => f.LinkTarget is null).Sum(f => f.Length);
        var latest = items.Select(i => i.LastWriteTimeUtc).Append(Directory.GetLastWriteTimeUtc(path)).Max();
        return new FileSnapshot(length, latest);
    }
}

namespace Forensics.Importers.Import;

/// <summary>What a file's metadata says of its content: size and last write; a missing file is (0, DateTime.MinValue).</summary>
internal readonly record struct FileSnapshot(long Length, DateTime LastWriteUtc)
{
    public static FileSnapshot Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileSnapshot(info.Length, info.LastWriteTimeUtc) : new FileSnapshot(0, DateTime.MinValue);
    }
}

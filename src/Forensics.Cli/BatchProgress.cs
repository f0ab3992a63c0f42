namespace Forensics.Cli;

/// <summary>
/// Progress of the import of a batch, fed from the import workers (thread-safe): files done of the total,
/// bytes, captures and failures so far, the current file.
/// </summary>
public sealed class BatchProgress : IDisposable
{
    private readonly TextWriter? _plain;
    private int _files;

    internal BatchProgress(TextWriter? plain, int totalFiles, long totalBytes)
    {
        _plain = plain;
        TotalFiles = totalFiles;
        TotalBytes = totalBytes;
    }

    public int TotalFiles { get; }
    public long TotalBytes { get; }

    /// <summary>A worker starts on <paramref name="displayPath"/>.</summary>
    public void FileStarted(string displayPath)
    {
    }

    /// <summary>A worker finished <paramref name="displayPath"/>: its size, captures found, and status id (ok, partial, failed, skipped).</summary>
    public void FileDone(string displayPath, long bytes, int captures, string status)
    {
        Interlocked.Increment(ref _files);
    }

    public void Dispose()
    {
        _plain?.WriteLine("imported " + _files + " of " + TotalFiles + " file(s)");
    }
}

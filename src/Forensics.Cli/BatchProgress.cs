using Forensics.Model;
using Forensics.Pipeline;

namespace Forensics.Cli;

/// <summary>
/// Progress of the import of a batch, fed from the import workers (thread-safe): files done of the total,
/// bytes, captures and failures so far, the current file. The workers only move counters; the display
/// (a Spectre.Console progress, plain lines, or none) reads them on its own thread.
/// </summary>
public sealed class BatchProgress : IImportProgress
{
    private readonly TimeProvider _time;
    private readonly long _startTimestamp;
    private readonly IDisposable? _display;
    private int _filesStarted;
    private int _filesDone;
    private long _bytesDone;
    private int _captures;
    private int _failed;
    private int _partial;
    private int _skipped;
    private string? _currentFile;
    private int _disposed;

    internal BatchProgress(int totalFiles, long totalBytes, TimeProvider time, Func<BatchProgress, IDisposable?> display)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalFiles);
        ArgumentOutOfRangeException.ThrowIfNegative(totalBytes);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(display);
        TotalFiles = totalFiles;
        TotalBytes = totalBytes;
        _time = time;
        _startTimestamp = time.GetTimestamp();
        _display = display(this);
    }

    public int TotalFiles { get; }
    public long TotalBytes { get; }

    /// <summary>A worker starts on <paramref name="displayPath"/>.</summary>
    public void FileStarted(string displayPath)
    {
        ArgumentNullException.ThrowIfNull(displayPath);
        Volatile.Write(ref _currentFile, displayPath);
        Interlocked.Increment(ref _filesStarted);
    }

    /// <summary>A worker finished <paramref name="displayPath"/>: its size, captures found, and status.</summary>
    public void FileDone(string displayPath, long bytes, int captures, InputStatus status)
    {
        ArgumentNullException.ThrowIfNull(displayPath);
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        ArgumentOutOfRangeException.ThrowIfNegative(captures);
        switch (status)
        {
            case InputStatus.Ok:
                break;
            case InputStatus.Partial:
                Interlocked.Increment(ref _partial);
                break;
            case InputStatus.Failed:
                Interlocked.Increment(ref _failed);
                break;
            case InputStatus.Skipped:
                Interlocked.Increment(ref _skipped);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "not an input status");
        }
        Interlocked.Add(ref _bytesDone, bytes);
        Interlocked.Add(ref _captures, captures);
        Interlocked.Increment(ref _filesDone);
    }

    /// <summary>The counters now, with the time since the batch started.</summary>
    public BatchProgressSnapshot Snapshot() => new(
        TotalFiles, TotalBytes, Volatile.Read(ref _filesStarted), Volatile.Read(ref _filesDone), Interlocked.Read(ref _bytesDone),
        Volatile.Read(ref _captures), Volatile.Read(ref _failed), Volatile.Read(ref _partial), Volatile.Read(ref _skipped),
        Volatile.Read(ref _currentFile), _time.GetElapsedTime(_startTimestamp));

    /// <summary>Ends the display: its last state and, when it shows lines, the summary. Once; later calls do nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            _display?.Dispose();
    }
}

namespace Forensics.Cli;

/// <summary>
/// The counters of a <see cref="BatchProgress"/> at one moment. Each counter is read on its own, so one taken
/// while workers run may be a file apart between counters.
/// </summary>
public readonly record struct BatchProgressSnapshot(
    int TotalFiles,
    long TotalBytes,
    int FilesStarted,
    int FilesDone,
    long BytesDone,
    int Captures,
    int Failed,
    int Partial,
    int Skipped,
    string? CurrentFile,
    TimeSpan Elapsed)
{
    /// <summary>Files that failed or were read only in part.</summary>
    public int Failures => Failed + Partial;

    /// <summary>Whether a file has been started and not yet finished.</summary>
    public bool FileInFlight => FilesStarted > FilesDone;

    /// <summary>Files finished per second since the start; null before any time has passed.</summary>
    public double? FilesPerSecond => Elapsed > TimeSpan.Zero ? FilesDone / Elapsed.TotalSeconds : null;

    /// <summary>Bytes of finished files per second since the start; null before any time has passed.</summary>
    public double? BytesPerSecond => Elapsed > TimeSpan.Zero ? BytesDone / Elapsed.TotalSeconds : null;

    /// <summary>
    /// The time the rest should take at the rate so far, by bytes (a core can be a thousand times the size of a
    /// maps file), by files when the batch has no bytes; zero when every file is done, null while nothing is done.
    /// </summary>
    public TimeSpan? TimeLeft
    {
        get
        {
            if (FilesDone >= TotalFiles)
                return TimeSpan.Zero;
            var (done, total) = TotalBytes > 0 ? ((double)BytesDone, (double)TotalBytes) : (FilesDone, TotalFiles);
            if (done <= 0 || Elapsed <= TimeSpan.Zero)
                return null;
            var seconds = Elapsed.TotalSeconds * Math.Max(0, total - done) / done;
            return seconds < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(seconds) : null;
        }
    }
}

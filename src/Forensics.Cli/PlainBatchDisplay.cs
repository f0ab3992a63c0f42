namespace Forensics.Cli;

/// <summary>
/// Batch progress as plain lines, for a redirected stderr: one line per interval at most, and only when a file
/// was started or finished since the last one, then the summary line when the batch ends.
/// </summary>
internal sealed class PlainBatchDisplay : IDisposable
{
    private readonly BatchProgress _batch;
    private readonly Action<string> _writeLine;
    private readonly ITimer _timer;
    // Between the timer's lines and the summary only: the workers never take it.
    private readonly Lock _writing = new();
    private (int Started, int Done) _lastLine;
    private bool _ended;

    public PlainBatchDisplay(BatchProgress batch, Action<string> writeLine, TimeProvider time, TimeSpan interval)
    {
        _batch = batch;
        _writeLine = writeLine;
        _timer = time.CreateTimer(_ => WriteProgressLine(), null, interval, interval);
    }

    private void WriteProgressLine()
    {
        // A tick that finds the previous line still being written is dropped, not queued.
        if (!_writing.TryEnter())
            return;
        try
        {
            var snapshot = _batch.Snapshot();
            if (_ended || (snapshot.FilesStarted, snapshot.FilesDone) == _lastLine)
                return;
            _lastLine = (snapshot.FilesStarted, snapshot.FilesDone);
            _writeLine(BatchProgressText.ProgressLine(snapshot));
        }
        finally
        {
            _writing.Exit();
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_writing)
        {
            _ended = true;
            _writeLine(BatchProgressText.SummaryLine(_batch.Snapshot()));
        }
    }
}

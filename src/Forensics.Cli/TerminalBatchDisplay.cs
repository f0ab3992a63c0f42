using Spectre.Console;
using Spectre.Console.Rendering;

namespace Forensics.Cli;

/// <summary>
/// Batch progress as a Spectre.Console progress display, redrawn by Spectre's own refresh thread from the
/// batch's counters: files with a bar and the time left on the first line, then bytes, captures, failures and
/// rates, then the file most recently started. Ends with the summary line.
/// </summary>
internal sealed class TerminalBatchDisplay : IDisposable
{
    private readonly IAnsiConsole _console;
    private readonly BatchProgress _batch;
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _display;

    public TerminalBatchDisplay(IAnsiConsole console, BatchProgress batch, TimeProvider time)
    {
        _console = console;
        _batch = batch;
        var progress = new Progress(console, time)
            .AutoClear(false)
            .Columns(
                new SpinnerColumn(),
                new BatchProgressColumn(batch, BatchProgressText.Files),
                new BatchBarColumn(batch),
                new BatchProgressColumn(batch, s => BatchProgressText.TimeLeft(s) ?? ""))
            .UseRenderHook((grid, _) => new Rows(grid, Details()));
        _display = progress.StartAsync(async context =>
        {
            context.AddTask("import", maxValue: Math.Max(1, batch.TotalFiles));
            await _ended.Task.ConfigureAwait(false);
        });
    }

    private IRenderable Details()
    {
        var snapshot = _batch.Snapshot();
        var details = BatchProgressText.Bytes(snapshot) + " · " + BatchProgressText.Count(snapshot.Captures, "capture")
            + " · " + BatchProgressText.Count(snapshot.Failures, "failure")
            + (BatchProgressText.Rates(snapshot) is { } rates ? " · " + rates : "");
        var current = snapshot.FileInFlight && snapshot.CurrentFile is { } file
            ? BatchProgressText.Tail(BatchProgressText.Printable(file), Math.Max(20, _console.Profile.Width - 12))
            : "";
        return new Rows(
            new Markup(Markup.Escape(details)),
            new Markup("[grey]" + Markup.Escape(current) + "[/]") { Overflow = Overflow.Ellipsis });
    }

    public void Dispose()
    {
        _ended.TrySetResult();
        _display.GetAwaiter().GetResult();
        _console.WriteLine(BatchProgressText.SummaryLine(_batch.Snapshot()));
    }
}

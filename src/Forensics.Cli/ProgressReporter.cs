using Forensics.Pipeline;
using Spectre.Console;

namespace Forensics.Cli;

/// <summary>
/// Progress of a run on stderr, never in the reports: a Spectre.Console status line and batch progress display on
/// a terminal, plain lines when stderr is redirected, nothing with <c>--quiet</c>.
/// </summary>
public sealed class ProgressReporter : IRunProgress
{
    /// <summary>How often a redirected batch prints a progress line at most.</summary>
    public static readonly TimeSpan DefaultLineInterval = TimeSpan.FromSeconds(5);

    private readonly TextWriter? _plain;
    private readonly IAnsiConsole? _console;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lineInterval;
    private int _stepsShowing;

    private ProgressReporter(TextWriter? plain, IAnsiConsole? console, TimeProvider time, TimeSpan lineInterval)
    {
        _plain = plain;
        _console = console;
        _time = time;
        _lineInterval = lineInterval;
    }

    public static ProgressReporter Silent { get; } = new(null, null, TimeProvider.System, DefaultLineInterval);

    /// <summary>Plain lines to <paramref name="error"/>.</summary>
    public static ProgressReporter Lines(TextWriter error) => Lines(error, TimeProvider.System, DefaultLineInterval);

    /// <summary>Plain lines to <paramref name="error"/>, a batch's at most one per <paramref name="lineInterval"/> of <paramref name="time"/>.</summary>
    public static ProgressReporter Lines(TextWriter error, TimeProvider time, TimeSpan lineInterval)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lineInterval, TimeSpan.Zero);
        return new ProgressReporter(error, null, time, lineInterval);
    }

    /// <summary>The animated displays on <paramref name="console"/>, timed by <paramref name="time"/>.</summary>
    public static ProgressReporter Terminal(IAnsiConsole console, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(time);
        return new ProgressReporter(null, console, time, DefaultLineInterval);
    }

    /// <summary>The display for the process's own stderr: animated on a terminal, plain lines when redirected.</summary>
    public static ProgressReporter ForConsole(bool quiet)
    {
        if (quiet)
            return Silent;
        if (Console.IsErrorRedirected)
            return Lines(Console.Error);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        // Spectre draws a progress display only on an interactive ANSI terminal; elsewhere plain lines say more.
        if (!console.Profile.Capabilities.Interactive || !console.Profile.Capabilities.Ansi)
            return Lines(Console.Error);
        return Terminal(console, TimeProvider.System);
    }

    /// <summary>Runs <paramref name="step"/> while showing <paramref name="description"/>.</summary>
    public T Step<T>(string description, Func<T> step)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(step);
        if (_console is not null)
        {
            Interlocked.Increment(ref _stepsShowing);
            try
            {
                return _console.Status().Start(Markup.Escape(description), _ => step());
            }
            finally
            {
                Interlocked.Decrement(ref _stepsShowing);
            }
        }
        _plain?.WriteLine(description);
        return step();
    }

    /// <summary>One line about the run (phase times, results reused): on the terminal or the plain lines; nothing when silent.</summary>
    public void Note(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (_console is not null)
            _console.WriteLine(line);
        else
            _plain?.WriteLine(line);
    }

    /// <summary>
    /// Starts the display of a batch import of <paramref name="totalFiles"/> files of <paramref name="totalBytes"/> bytes;
    /// disposing the batch ends it. Inside a <see cref="Step{T}"/> on a terminal, where Spectre allows one live display
    /// at a time, the batch prints plain lines above the step's status instead.
    /// </summary>
    public BatchProgress StartBatch(int totalFiles, long totalBytes) => new(totalFiles, totalBytes, _time, batch =>
    {
        if (_console is not null && Volatile.Read(ref _stepsShowing) == 0)
            return new TerminalBatchDisplay(_console, batch, _time);
        if (_console is not null)
            return new PlainBatchDisplay(batch, _console.WriteLine, _time, _lineInterval);
        if (_plain is not null)
            return new PlainBatchDisplay(batch, _plain.WriteLine, _time, _lineInterval);
        return null;
    });

    IImportProgress IRunProgress.StartBatch(int totalFiles, long totalBytes) => StartBatch(totalFiles, totalBytes);
}

using Spectre.Console;

namespace Forensics.Cli;

/// <summary>
/// Progress of a run on stderr, never in the reports: a Spectre.Console status line on a terminal, plain
/// lines when stderr is redirected, nothing with <c>--quiet</c>.
/// </summary>
public sealed class ProgressReporter
{
    private readonly TextWriter? _plain;
    private readonly IAnsiConsole? _console;

    private ProgressReporter(TextWriter? plain, IAnsiConsole? console)
    {
        _plain = plain;
        _console = console;
    }

    public static ProgressReporter Silent { get; } = new(null, null);

    /// <summary>Plain lines to <paramref name="error"/>.</summary>
    public static ProgressReporter Lines(TextWriter error) => new(error, null);

    /// <summary>The display for the process's own stderr: animated on a terminal, plain lines when redirected.</summary>
    public static ProgressReporter ForConsole(bool quiet)
    {
        if (quiet)
            return Silent;
        if (Console.IsErrorRedirected)
            return Lines(Console.Error);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return new ProgressReporter(null, console);
    }

    /// <summary>Runs <paramref name="step"/> while showing <paramref name="description"/>.</summary>
    public T Step<T>(string description, Func<T> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (_console is not null)
            return _console.Status().Start(Markup.Escape(description), _ => step());
        _plain?.WriteLine(description);
        return step();
    }

    /// <summary>Starts the display of a batch import of <paramref name="totalFiles"/> files of <paramref name="totalBytes"/> bytes.</summary>
    public BatchProgress StartBatch(int totalFiles, long totalBytes) => new(_plain, totalFiles, totalBytes);
}

using Spectre.Console;

namespace Forensics.Cli.Terminal;

/// <summary>The console <c>show</c>, <c>crash</c> and <c>compare</c> print to.</summary>
public static class ReportConsole
{
    /// <summary>
    /// Colours and tables sized to the terminal when <paramref name="output"/> is the process's own stdout on a terminal;
    /// anywhere else (a pipe, a file, a test's writer) plain aligned text without escape sequences.
    /// </summary>
    public static IAnsiConsole For(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
            return AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        return new PlainConsole(output);
    }

    /// <summary>Passes on what the console holds back: the plain console passes text on a line at a time.</summary>
    public static void Flush(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        (console is PlainConsole plain ? plain.Writer : console.Profile.Out.Writer).Flush();
    }
}

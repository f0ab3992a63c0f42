using Spectre.Console;

namespace Forensics.Cli.Terminal;

/// <summary>The console <c>show</c>, <c>crash</c> and <c>compare</c> print to.</summary>
public static class ReportConsole
{
    /// <summary>Wide enough that no table of a redirected report is wrapped.</summary>
    private const int PlainWidth = 4096;

    /// <summary>
    /// Colours and tables sized to the terminal when <paramref name="output"/> is the process's own stdout on a terminal;
    /// anywhere else (a pipe, a file, a test's writer) plain aligned text without escape sequences.
    /// </summary>
    public static IAnsiConsole For(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
            return AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(new LineEndTrimmingWriter(output)),
        });
        console.Profile.Width = PlainWidth;
        return console;
    }
}

using Spectre.Console;
using Spectre.Console.Rendering;

namespace Forensics.Cli.Terminal;

/// <summary>
/// The console of a redirected report: plain aligned text without escape sequences. <see cref="TerminalDocument"/>
/// writes plain blocks to <see cref="Writer"/> itself; Spectre's console is made only for a block that needs it (making
/// it was 3% of a small core's <c>crash</c>), and writes to the same writer.
/// </summary>
internal sealed class PlainConsole(TextWriter output) : IAnsiConsole
{
    /// <summary>Wide enough that no table of a redirected report is wrapped.</summary>
    private const int PlainWidth = 4096;

    private IAnsiConsole? _spectre;

    public LineEndTrimmingWriter Writer { get; } = new(output);

    public Profile Profile => Spectre.Profile;

    public IAnsiConsoleCursor Cursor => Spectre.Cursor;

    public IAnsiConsoleInput Input => Spectre.Input;

    public IExclusivityMode ExclusivityMode => Spectre.ExclusivityMode;

    public RenderPipeline Pipeline => Spectre.Pipeline;

    private IAnsiConsole Spectre => _spectre ??= Create(Writer);

    public void Clear(bool home) => Spectre.Clear(home);

    public void Write(IRenderable renderable) => Spectre.Write(renderable);

    public void WriteAnsi(Action<AnsiWriter> action) => Spectre.WriteAnsi(action);

    private static IAnsiConsole Create(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = PlainWidth;
        return console;
    }
}

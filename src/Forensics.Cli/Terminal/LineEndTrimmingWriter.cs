using System.Text;

namespace Forensics.Cli.Terminal;

/// <summary>
/// Passes text on without the spaces at the end of each line: Spectre pads every cell of a table's last column to
/// its width, which a terminal hides but a redirected report would carry into files, diffs and greps.
/// </summary>
internal sealed class LineEndTrimmingWriter(TextWriter inner) : TextWriter
{
    private readonly TextWriter _inner = inner;
    private int _pendingSpaces;

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value)
    {
        if (value == ' ')
        {
            _pendingSpaces++;
            return;
        }
        if (value is not ('\n' or '\r') && _pendingSpaces > 0)
            _inner.Write(new string(' ', _pendingSpaces));
        _pendingSpaces = 0;
        _inner.Write(value);
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
            Write(c);
    }

    public override void Flush() => _inner.Flush();
}

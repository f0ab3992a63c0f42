using System.Text;

namespace Forensics.Cli.Terminal;

/// <summary>
/// Passes text on without the spaces at the end of each line: Spectre pads every cell of a table's last column to
/// its width, which a terminal hides but a redirected report would carry into files, diffs and greps. Text is passed
/// on a line at a time: Spectre writes a character at a time, and the console's writer made each one a system call.
/// </summary>
internal sealed class LineEndTrimmingWriter(TextWriter inner) : TextWriter
{
    private readonly TextWriter _inner = inner;
    private readonly StringBuilder _line = new();
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
            _line.Append(' ', _pendingSpaces);
        _pendingSpaces = 0;
        _line.Append(value);
        if (value == '\n')
            PassLine();
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
            Write(c);
    }

    /// <summary>Passes on what is written so far, but not the spaces that may yet end a line.</summary>
    public override void Flush()
    {
        PassLine();
        _inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            PassLine();
        base.Dispose(disposing);
    }

    private void PassLine()
    {
        if (_line.Length == 0)
            return;
        _inner.Write(_line);
        _line.Clear();
    }
}

using System.Text;

namespace Forensics.Importers.Tests.Detection;

/// <summary>Writes a document of prose and pasted captures, remembering the line range each paste occupies.</summary>
public sealed class DocumentBuilder
{
    private readonly StringBuilder _text = new();
    private int _lines;

    public List<(int First, int Last)> Pastes { get; } = [];

    public DocumentBuilder Line(string line)
    {
        _text.Append(line).Append('\n');
        _lines++;
        return this;
    }

    /// <summary>Pastes a capture's lines (optionally indented) and records their line range.</summary>
    public DocumentBuilder Paste(string capture, string indent = "", int skipLines = 0)
    {
        var lines = capture.TrimEnd('\n').Split('\n').Skip(skipLines).ToList();
        var first = _lines + 1;
        foreach (var line in lines)
            Line(line.Length == 0 ? line : indent + line);
        Pastes.Add((first, _lines));
        return this;
    }

    public override string ToString() => _text.ToString();
}

namespace Forensics.Model;

/// <summary>A place in an input: a 1-based line (text) or a byte offset (binary), or nowhere in particular.</summary>
public readonly record struct SourceLocation(int? Line, ulong? Offset)
{
    public static SourceLocation None => default;
    public static SourceLocation AtLine(int line) => new(line, null);
    public static SourceLocation AtOffset(ulong offset) => new(null, offset);

    public override string ToString() =>
        Line is { } line ? $"line {line}" : Offset is { } offset ? $"offset 0x{offset:x}" : "";
}

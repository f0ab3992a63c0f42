namespace Forensics.Model;

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// Something in an input that could not be parsed or did not add up. <see cref="Id"/> is stable
/// (<c>FX1001</c>); the message puts values and offsets in brackets.
/// </summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Id, string Message, SourceLocation Location)
{
    public override string ToString() =>
        Location == SourceLocation.None
            ? $"{Severity.ToString().ToLowerInvariant()} {Id}: {Message}"
            : $"{Severity.ToString().ToLowerInvariant()} {Id} at {Location}: {Message}";
}

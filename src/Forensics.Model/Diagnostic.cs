namespace Forensics.Model;

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// Something in an input that could not be parsed or did not add up: one of the <see cref="DiagnosticCatalogue"/>'s
/// descriptors, reported at a severity (its default unless the parse site chose another), with a message that puts
/// values and offsets in brackets.
/// </summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, DiagnosticSeverity Severity, string Message, SourceLocation Location)
{
    /// <summary>A diagnostic at its descriptor's default severity.</summary>
    public Diagnostic(DiagnosticDescriptor descriptor, string message, SourceLocation location)
        : this(descriptor, descriptor.DefaultSeverity, message, location)
    {
    }

    /// <summary>The stable id (<c>FX1001</c>) of <see cref="Descriptor"/>.</summary>
    public string Id => Descriptor.Id;

    public override string ToString() =>
        Location == SourceLocation.None
            ? $"{Severity.ToString().ToLowerInvariant()} {Id}: {Message}"
            : $"{Severity.ToString().ToLowerInvariant()} {Id} at {Location}: {Message}";
}

namespace Forensics.Model;

/// <summary>
/// One kind of diagnostic: its stable <see cref="Id"/> (<c>FX1001</c>), the severity it is reported at unless the
/// parse site knows better, the <see cref="InputProblem"/> it names when it decides a partial or failed input
/// (<see cref="InputProblem.None"/> when it names none), and a short title. Every descriptor is declared once, in
/// <see cref="DiagnosticCatalogue"/>.
/// </summary>
public sealed record DiagnosticDescriptor(string Id, DiagnosticSeverity DefaultSeverity, InputProblem Problem, string Title)
{
    public override string ToString() => Id;
}

using Forensics.Model;

namespace Forensics.Importers.Normalisation;

/// <summary>
/// What <see cref="ArchitectureDetector"/> decided for a capture: its architecture, the evidence lines to add to what
/// the importer gave, and the contradiction to warn about when the layout disagrees with the importer.
/// </summary>
internal sealed record ArchitectureDecision(Architecture Architecture, IReadOnlyList<string> Evidence, string? Contradiction);

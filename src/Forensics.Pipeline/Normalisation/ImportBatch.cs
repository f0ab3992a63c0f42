using Forensics.Model;

namespace Forensics.Pipeline.Normalisation;

/// <summary>Every input of a run, in path order, and every capture, ordered by input path then line.</summary>
public sealed record ImportBatch(IReadOnlyList<InputRecord> Inputs, IReadOnlyList<Capture> Captures);

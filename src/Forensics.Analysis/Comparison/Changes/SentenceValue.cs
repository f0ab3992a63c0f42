using Forensics.Analysis.Text;

namespace Forensics.Analysis.Comparison.Changes;

/// <summary>A crash signature, with its offsets as numbers.</summary>
public sealed record SentenceValue(Sentence Sentence) : ChangeValue;

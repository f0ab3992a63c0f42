namespace Forensics.Analysis.Text;

/// <summary>A count, a signal, a code or an id, which reports print in decimal.</summary>
public sealed record NumberPart(long Value) : SentencePart;

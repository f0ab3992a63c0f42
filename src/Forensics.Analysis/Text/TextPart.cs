namespace Forensics.Analysis.Text;

/// <summary>Words of a sentence, printed as they are.</summary>
public sealed record TextPart(string Text) : SentencePart;

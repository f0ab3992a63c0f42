namespace Forensics.Analysis.Text;

/// <summary>One piece of a <see cref="Sentence"/>: words, or a value that Reports prints in its own format.</summary>
public abstract record SentencePart;

namespace Forensics.Analysis.Text;

/// <summary>A size in bytes, which reports print in decimal.</summary>
public sealed record ByteCountPart(ulong Bytes) : SentencePart;

namespace Forensics.Analysis.Text;

/// <summary>An address or an offset, which reports print in hex (<c>0x7f3a…</c>).</summary>
public sealed record AddressPart(ulong Address) : SentencePart;

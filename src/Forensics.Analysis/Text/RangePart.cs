namespace Forensics.Analysis.Text;

/// <summary>A region's range <c>[Start, End)</c>, which reports print as maps does (<c>7f3a0000-7f3a1000</c>).</summary>
public sealed record RangePart(ulong Start, ulong End) : SentencePart;

namespace Forensics.Model;

/// <summary>
/// A total that a source declares (pmap's <c>total</c>, pmap -x's totals row, pmap -d's <c>mapped:</c>),
/// kept with the value computed from the regions so the two can be compared.
/// </summary>
public sealed record DeclaredTotal(string Name, ulong DeclaredBytes, ulong ComputedBytes, SourceLocation Location)
{
    public bool Matches => DeclaredBytes == ComputedBytes;
}

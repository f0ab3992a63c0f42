namespace Forensics.Model;

/// <summary>
/// A total that a source declares (pmap's <c>total</c>, pmap -x's totals row, pmap -d's <c>mapped:</c>),
/// kept with the value computed from the regions so the two can be compared.
/// </summary>
public sealed record DeclaredTotal(string Name, ulong DeclaredBytes, ulong ComputedBytes, SourceLocation Location)
{
    /// <summary>False when the rows the total counts are not all in the input (a listing with rows cut out of it).</summary>
    public bool Checkable { get; init; } = true;

    /// <summary>True when the total is checkable and equals the computed value.</summary>
    public bool Matches => Checkable && DeclaredBytes == ComputedBytes;
}

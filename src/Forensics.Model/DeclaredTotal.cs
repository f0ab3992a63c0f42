namespace Forensics.Model;

/// <summary>
/// A total that a source declares (pmap's <c>total</c>, pmap -x's totals row, pmap -d's <c>mapped:</c>, a
/// smaps_rollup key), kept with the value computed from the regions so the two can be compared.
/// </summary>
/// <param name="Name">What the total counts, as the source names it (<c>total Rss</c>, <c>smaps_rollup Pss</c>).</param>
/// <param name="DeclaredBytes">The value the source declares.</param>
/// <param name="ComputedBytes">The sum over the regions; null when the regions do not give it (a smaps_rollup alone).</param>
/// <param name="Location">Where the source declares it.</param>
public sealed record DeclaredTotal(string Name, ulong DeclaredBytes, ulong? ComputedBytes, SourceLocation Location)
{
    /// <summary>
    /// False when the rows the total counts are not all in the input (a listing with rows cut out of it), or the
    /// regions do not give the value (a smaps_rollup without its smaps, or a key smaps records never print).
    /// </summary>
    public bool Checkable { get; init; } = true;

    /// <summary>
    /// How far the declared total may exceed the computed one and still match: the kernel sums smaps_rollup's Pss
    /// keys before rounding them down to kB, and each smaps record after, so the rollup is larger by less than 1 kB a
    /// record. 0 for totals that must be equal.
    /// </summary>
    public ulong RoundingBytes { get; init; }

    /// <summary>True when the total is checkable and equals the computed value (within <see cref="RoundingBytes"/>).</summary>
    public bool Matches => Checkable && ComputedBytes is { } computed
        && (DeclaredBytes == computed || (DeclaredBytes > computed && DeclaredBytes - computed < RoundingBytes));
}

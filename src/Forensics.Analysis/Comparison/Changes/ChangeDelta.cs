namespace Forensics.Analysis.Comparison.Changes;

/// <summary>A signed difference, as a sign and a magnitude so that the whole unsigned 64-bit range fits.</summary>
public sealed record ChangeDelta(DeltaUnit Unit, bool Negative, ulong Magnitude)
{
    /// <summary>The difference from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static ChangeDelta Between(DeltaUnit unit, ulong from, ulong to) =>
        to >= from ? new(unit, false, to - from) : new(unit, true, from - to);

    public static ChangeDelta Plus(DeltaUnit unit, ulong magnitude) => new(unit, false, magnitude);

    public static ChangeDelta Minus(DeltaUnit unit, ulong magnitude) => new(unit, true, magnitude);
}

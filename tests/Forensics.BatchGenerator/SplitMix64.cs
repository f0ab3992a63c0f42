namespace Forensics.BatchGenerator;

/// <summary>
/// A small seeded generator (SplitMix64, Steele, Lea and Flood 2014) whose sequence does not depend on the .NET
/// version, so a seed gives the same batch everywhere. One instance per generated file keeps the files independent
/// of the order they are written in.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public static SplitMix64 For(ulong seed, ulong stream)
    {
        var mixer = new SplitMix64(seed ^ (stream * 0xd1342543de82ef95UL));
        return new SplitMix64(mixer.NextUInt64());
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9e3779b97f4a7c15UL;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, <paramref name="bound"/>).</summary>
    public int Next(int bound) => bound <= 0 ? throw new ArgumentOutOfRangeException(nameof(bound)) : (int)(NextUInt64() % (ulong)bound);

    /// <summary>A value in [<paramref name="low"/>, <paramref name="high"/>] (inclusive).</summary>
    public long Between(long low, long high) =>
        high < low ? throw new ArgumentOutOfRangeException(nameof(high)) : low + (long)(NextUInt64() % (ulong)(high - low + 1));

    public bool Chance(int percent) => Next(100) < percent;
}

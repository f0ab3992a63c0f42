namespace Forensics.Analysis.Comparison.Changes;

/// <summary>What a <see cref="ChangeDelta"/> counts.</summary>
public enum DeltaUnit
{
    /// <summary>A distance between addresses: a module's slide.</summary>
    Address,

    /// <summary>A size difference in bytes.</summary>
    Bytes,

    /// <summary>A difference in a number of things (findings).</summary>
    Count,
}

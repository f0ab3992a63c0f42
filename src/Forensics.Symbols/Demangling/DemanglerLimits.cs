namespace Forensics.Symbols.Demangling;

/// <summary>
/// Bounds on the work one name may cause. Mangled names come from symbol tables of files we do not trust: a
/// substitution can repeat a large part of a name, so the output is capped as well as the input and the depth.
/// </summary>
public static class DemanglerLimits
{
    /// <summary>The longest mangled name demangled; real ones (Rust v0 generics) stay under 4 KiB.</summary>
    public const int MaxInputLength = 16 * 1024;

    /// <summary>How deep parsing or printing may nest (libiberty stops at 2048; real names nest under 100).</summary>
    public const int MaxDepth = 256;

    /// <summary>The longest demangled text produced; a name that would print longer gives no result.</summary>
    public const int MaxOutputLength = 64 * 1024;
}

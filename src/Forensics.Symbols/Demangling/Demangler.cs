using Forensics.Symbols.Demangling.Itanium;
using Forensics.Symbols.Demangling.Rust;

namespace Forensics.Symbols.Demangling;

/// <summary>
/// Demangles C++ (Itanium ABI) and Rust (legacy and v0) symbol names into the text <c>c++filt</c> prints for
/// them. Bounded by <see cref="DemanglerLimits"/>; see docs/demangling.md#what-is-demangled.
/// </summary>
public static class Demangler
{
    /// <summary>
    /// The demangled form of <paramref name="mangledName"/>, or null when it is not a mangled name this demangler
    /// understands, is malformed, or exceeds a limit. Never throws.
    /// </summary>
    public static string? TryDemangle(string? mangledName)
    {
        if (string.IsNullOrEmpty(mangledName) || mangledName.Length > DemanglerLimits.MaxInputLength)
            return null;
        // c++filt tries Rust first: a legacy Rust name is also a valid Itanium nested name, printed differently.
        if (mangledName.StartsWith("_R", StringComparison.Ordinal))
            return RustV0Demangler.TryDemangle(mangledName);
        if (mangledName.StartsWith("_ZN", StringComparison.Ordinal) && RustLegacyDemangler.TryDemangle(mangledName) is { } rust)
            return rust;
        if (mangledName.StartsWith("_Z", StringComparison.Ordinal))
            return ItaniumDemangler.TryDemangle(mangledName);
        return null;
    }
}

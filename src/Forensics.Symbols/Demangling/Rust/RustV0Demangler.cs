namespace Forensics.Symbols.Demangling.Rust;

internal static class RustV0Demangler
{
    public static string? TryDemangle(string name) => null;
}

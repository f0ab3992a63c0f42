namespace Forensics.Model;

/// <summary>One auxiliary-vector pair; <see cref="Text"/> holds the string a pointer entry points at (AT_EXECFN, AT_PLATFORM).</summary>
public sealed record AuxvEntry(ulong Type, string Name, ulong Value, string? Text = null);

namespace Forensics.Elf.Images;

/// <summary>One struct link_map of the dynamic loader: load bias, name and dynamic array address.</summary>
public readonly record struct LinkMapEntry(ulong Bias, string? Name, ulong DynamicAddress, ulong Address);

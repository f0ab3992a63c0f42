namespace Forensics.Elf;

/// <summary>One note: owner name (without the NUL), type, descriptor bytes and the file offset of its header.</summary>
public sealed record ElfNote(string Owner, uint Type, ReadOnlyMemory<byte> Descriptor, ulong Offset)
{
    /// <summary>File offset of the descriptor (header 12 bytes + name padded to 4).</summary>
    public ulong DescriptorOffset { get; init; }

    /// <summary>
    /// The bytes that pad the name to its alignment, up to the first NUL: empty as the kernel and gdb write notes;
    /// .NET's createdump stuffs them with a tag (<c>CORE\0THR</c>, <c>CORE\0SIG</c>, docs/formats.md#createdump-cores).
    /// </summary>
    public string NamePadding { get; init; } = "";
}

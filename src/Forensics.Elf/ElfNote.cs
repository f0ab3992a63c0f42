namespace Forensics.Elf;

/// <summary>One note: owner name (without the NUL), type, descriptor bytes and the file offset of its header.</summary>
public sealed record ElfNote(string Owner, uint Type, ReadOnlyMemory<byte> Descriptor, ulong Offset)
{
    /// <summary>File offset of the descriptor (header 12 bytes + name padded to 4).</summary>
    public ulong DescriptorOffset { get; init; }
}

namespace Forensics.Model;

/// <summary>
/// An ELF image found in a core's memory (the way <c>eu-unstrip -n --core</c> finds them): its base,
/// extent, build-id and name. Normalisation attaches these to the modules it groups from regions.
/// </summary>
public sealed record ImageIdentity
{
    public required ulong Base { get; init; }
    /// <summary>Base + (highest PT_LOAD end − lowest PT_LOAD vaddr).</summary>
    public required ulong End { get; init; }
    public string? Path { get; init; }
    public string? BuildId { get; init; }
    public ulong? BuildIdAddress { get; init; }
    public string? SoName { get; init; }
    /// <summary>ET_DYN (a PIE, a shared object, the vdso): placed wherever the loader chose; ET_EXEC is not.</summary>
    public bool IsPositionIndependent { get; init; }
    /// <summary>The main program: AT_PHDR or AT_ENTRY lies inside it.</summary>
    public bool IsExecutable { get; init; }
    /// <summary>
    /// Where the headers were read when the image's own header page is not in the core and a later mapping of file
    /// page 0 (the read-write segment of a small executable) held a copy; null when they were read at <see cref="Base"/>.
    /// </summary>
    public ulong? HeaderCopyAddress { get; init; }
}

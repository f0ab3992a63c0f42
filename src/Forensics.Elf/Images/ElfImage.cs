namespace Forensics.Elf.Images;

/// <summary>An ELF image found in a core's memory: where it is, how big, and what identifies it.</summary>
public sealed record ElfImage
{
    /// <summary>The address where the image's ELF header was found.</summary>
    public required ulong Base { get; init; }
    /// <summary>Base + (highest PT_LOAD end − lowest PT_LOAD vaddr rounded down to a page), as eu-unstrip prints it.</summary>
    public required ulong End { get; init; }
    /// <summary>Load bias: runtime address minus link-time address.</summary>
    public required ulong Bias { get; init; }
    /// <summary>The lowest PT_LOAD p_vaddr rounded down to a page: where the image's own headers place it when the bias is 0.</summary>
    public ulong LinkBase { get; init; }
    public required ushort Type { get; init; }
    public string? BuildId { get; init; }
    public ulong? BuildIdAddress { get; init; }
    public string? SoName { get; init; }
    /// <summary>Runtime address of the PT_DYNAMIC array, where the image has one.</summary>
    public ulong? DynamicAddress { get; init; }
    public ulong DynamicSize { get; init; }
    /// <summary>Has a PT_INTERP segment (a dynamically linked main program).</summary>
    public bool HasInterpreter { get; init; }
    /// <summary>Runtime address of its <c>.eh_frame_hdr</c> (PT_GNU_EH_FRAME), where the image has one.</summary>
    public ulong? EhFrameHeaderAddress { get; init; }
    /// <summary>Runtime address of its program headers (compared with AT_PHDR to find the main program).</summary>
    public ulong ProgramHeadersAddress { get; init; }
    /// <summary>Where the headers were read when they came from a copy of file page 0 rather than from <see cref="Base"/>.</summary>
    public ulong? HeaderCopyAddress { get; init; }
}

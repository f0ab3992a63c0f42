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
    /// <summary>ET_EXEC or ET_DYN with PT_INTERP: the main program.</summary>
    public bool IsExecutable { get; init; }
}

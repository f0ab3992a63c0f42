namespace Forensics.Model;

/// <summary>An ELF image (executable, shared library, loader, vdso) grouped from its mappings.</summary>
public sealed class Module
{
    /// <summary>Short name: the basename of the path, or <c>[vdso]</c>.</summary>
    public required string Name { get; init; }
    /// <summary>Full path where a source gave one; the basename otherwise.</summary>
    public required string Path { get; init; }
    public bool PathIsBasename { get; init; }
    /// <summary>
    /// The source cut the path short (it ends in <c>/</c>, or another mapping's name continues it): the name is what is
    /// known, and mappings are joined by (device, inode) where the source gives them, never by the cut name alone.
    /// </summary>
    public bool PathTruncated { get; init; }
    public ulong Base { get; set; }
    public ulong End { get; set; }
    public ulong Size => End - Base;

    /// <summary>GNU build-id as lower-case hex, where the core holds the note.</summary>
    public string? BuildId { get; set; }
    /// <summary>Virtual address of the build-id bytes (what eu-unstrip prints after <c>@</c>).</summary>
    public ulong? BuildIdAddress { get; set; }
    /// <summary>DT_SONAME, where read from the image.</summary>
    public string? SoName { get; set; }
    public bool Deleted { get; set; }
    public bool IsMainExecutable { get; set; }
    /// <summary>From the image's ELF type where a core holds its headers: ET_DYN true, ET_EXEC false; null when unknown.</summary>
    public bool? IsPositionIndependent { get; set; }
    /// <summary>Bytes mapped per kind (text, rodata, relro, data, bss, gap).</summary>
    public SortedDictionary<RegionKind, ulong> BytesByKind { get; } = [];

    public override string ToString() => $"{Base:x}-{End:x} {Path} {BuildId}";
}

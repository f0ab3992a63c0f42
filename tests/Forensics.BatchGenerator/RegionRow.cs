namespace Forensics.BatchGenerator;

/// <summary>The layouts a region row is printed in; each keeps its own column rules.</summary>
internal enum RowLayout
{
    /// <summary>maps, smaps and smaps_rollup headers: <c>start-end perms offset dev inode name</c>, natural-width hex.</summary>
    Maps,
    /// <summary>pmap default, -q, -p, -x and -d: a 16-digit zero-padded address, then the size in kB.</summary>
    PmapPadded,
    /// <summary>pmap -X and -XX: the address right-aligned without padding, the size in kB after the inode.</summary>
    PmapExtended,
    /// <summary>gdb <c>info proc mappings</c>: <c>0x</c> start, end, size and offset, right-aligned.</summary>
    Gdb,
}

/// <summary>One region line of a text capture with the character positions of the fields a mutation rewrites.</summary>
internal sealed record RegionRow(
    int Line,
    RowLayout Layout,
    ulong Start,
    ulong End,
    TextField StartField,
    TextField? EndField,
    TextField? SizeField,
    string Perms,
    bool Anonymous,
    bool Heap);

/// <summary>A field of a line: where it starts and how long it is.</summary>
internal readonly record struct TextField(int Index, int Length);

using Forensics.Elf;

namespace Forensics.Symbols.CallFrames;

/// <summary>
/// A CFI section without a search table, looked up through its <see cref="CallFrameIndex"/>. The index may be shared by
/// the cores of a run; the entries read through it, and the problems they show, belong to this table alone.
/// </summary>
internal sealed class ScannedFrameTable : ICallFrameTable
{
    private readonly CallFrameEntryReader _entries;
    private readonly (ulong Begin, ulong End, ulong Address)[] _index;

    /// <summary>Indexes the section now, for this table alone.</summary>
    public ScannedFrameTable(IAddressSpace section, CallFrameSectionKind kind, bool is64, ulong start, ulong size, IReadCheckpoint checkpoint)
        : this(section, kind, is64, start, CallFrameIndex.Build(section, kind, is64, start, size, checkpoint))
    {
    }

    /// <summary>A table over an index made earlier of the same section.</summary>
    public ScannedFrameTable(IAddressSpace section, CallFrameSectionKind kind, bool is64, ulong start, CallFrameIndex index)
    {
        _entries = new CallFrameEntryReader(section, kind, is64, start, index.Problem);
        _index = index.Entries;
    }

    public string? Problem => _entries.Problem;
    public int Count => _index.Length;

    public FrameDescriptionEntry? Find(ulong pc)
    {
        int low = 0, high = _index.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            if (_index[middle].Begin <= pc) low = middle + 1;
            else high = middle - 1;
        }
        // Entries may nest or overlap in hand-written code; look back a few.
        for (var i = high; i >= 0 && i > high - 4; i--)
        {
            if (pc >= _index[i].Begin && pc < _index[i].End)
                return _entries.ReadFde(_index[i].Address);
        }
        return null;
    }
}

using Forensics.Elf;

namespace Forensics.Symbols.CallFrames;

/// <summary>
/// An index made by walking every entry of a CFI section once (<c>.debug_frame</c>, or <c>.eh_frame</c> without a
/// search table). Work is bounded by the section size: each entry advances by its length, at least 8 bytes.
/// </summary>
internal sealed class ScannedFrameTable : ICallFrameTable
{
    private readonly CallFrameEntryReader _entries;
    private readonly (ulong Begin, ulong End, ulong Address)[] _index;

    public ScannedFrameTable(IAddressSpace section, CallFrameSectionKind kind, bool is64, ulong start, ulong size, IReadCheckpoint checkpoint)
    {
        _entries = new CallFrameEntryReader(section, kind, is64, start);
        var index = new List<(ulong, ulong, ulong)>();
        var end = start + size < start ? ulong.MaxValue : start + size;
        for (var at = start; at < end;)
        {
            if (index.Count % ReadCheckpoints.EntriesPerCheck == 0)
                checkpoint.Check(null);
            if (_entries.ReadHeader(at) is not { } header)
                break;
            if (!header.IsCie && _entries.ReadRange(header) is { } range && range.Begin != 0)
                index.Add((range.Begin, range.End, at));
            at += header.TotalSize;
        }
        index.Sort();
        _index = [.. index];
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

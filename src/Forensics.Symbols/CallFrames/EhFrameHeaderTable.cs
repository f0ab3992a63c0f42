using Forensics.Elf;

namespace Forensics.Symbols.CallFrames;

/// <summary>
/// The binary-search table of <c>.eh_frame_hdr</c> (the PT_GNU_EH_FRAME segment): sorted (initial location, FDE
/// address) pairs. Entries are read one at a time while searching, so a lying count costs at most log2 reads.
/// </summary>
internal sealed class EhFrameHeaderTable : ICallFrameTable
{
    /// <summary>libc has about 3,000 FDEs; a million is far beyond any real module.</summary>
    public const ulong MaxEntries = 1 << 22;

    private readonly IAddressSpace _memory;
    private readonly CallFrameEntryReader _entries;
    private readonly ulong _headerAddress;
    private readonly ulong _tableAddress;
    private readonly ulong _count;
    private readonly byte _tableEncoding;
    private readonly int _entrySize;
    private readonly bool _is64;

    private EhFrameHeaderTable(IAddressSpace memory, bool is64, ulong headerAddress, ulong tableAddress, ulong count, byte tableEncoding, int entrySize)
    {
        _memory = memory;
        _is64 = is64;
        _headerAddress = headerAddress;
        _tableAddress = tableAddress;
        _count = count;
        _tableEncoding = tableEncoding;
        _entrySize = entrySize;
        _entries = new CallFrameEntryReader(memory, CallFrameSectionKind.EhFrame, is64, 0);
    }

    public string? Problem => _entries.Problem;

    /// <summary>The table at <paramref name="headerAddress"/>; null (with a reason) when the header is unusable.</summary>
    public static EhFrameHeaderTable? Open(IAddressSpace memory, ulong headerAddress, bool is64, out string? problem)
    {
        Span<byte> head = stackalloc byte[32];
        var read = memory.Read(headerAddress, head);
        var cursor = new DwarfCursor(head[..read]);
        var version = cursor.U8();
        var framePointerEncoding = cursor.U8();
        var countEncoding = cursor.U8();
        var tableEncoding = cursor.U8();
        problem = null;
        if (cursor.Failed || version != 1)
        {
            problem = $".eh_frame_hdr at [0x{headerAddress:x}] is unreadable or has version [{version}]";
            return null;
        }
        PointerEncoding.Read(ref cursor, framePointerEncoding, headerAddress + (ulong)cursor.Position, headerAddress, is64);
        var count = PointerEncoding.Read(ref cursor, countEncoding, headerAddress + (ulong)cursor.Position, headerAddress, is64);
        var entrySize = PointerEncoding.FixedSize(tableEncoding, is64);
        if (count is not { } entries || entrySize is not { } size || entries > MaxEntries)
        {
            // No binary-search table (allowed by the format); the caller scans .eh_frame instead.
            problem = $".eh_frame_hdr at [0x{headerAddress:x}] has no usable search table (count encoding [0x{countEncoding:x2}], table encoding [0x{tableEncoding:x2}], count [{count}])";
            return null;
        }
        return new EhFrameHeaderTable(memory, is64, headerAddress, headerAddress + (ulong)cursor.Position, entries, tableEncoding, size);
    }

    public FrameDescriptionEntry? Find(ulong pc)
    {
        ulong low = 0, high = _count;
        ulong? best = null;
        while (low < high)
        {
            var middle = low + ((high - low) >> 1);
            if (Entry(middle) is not { } entry)
                return null;
            if (entry.Location <= pc)
            {
                best = entry.Fde;
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        if (best is not { } address || _entries.ReadFde(address) is not { } fde)
            return null;
        return pc >= fde.Begin && pc < fde.End ? fde : null;
    }

    private (ulong Location, ulong Fde)? Entry(ulong index)
    {
        var at = _tableAddress + index * (ulong)(2 * _entrySize);
        Span<byte> bytes = stackalloc byte[16];
        if (_memory.Read(at, bytes[..(2 * _entrySize)]) < 2 * _entrySize)
            return null;
        var cursor = new DwarfCursor(bytes[..(2 * _entrySize)]);
        var location = PointerEncoding.Read(ref cursor, _tableEncoding, at, _headerAddress, _is64);
        var fde = PointerEncoding.Read(ref cursor, _tableEncoding, at + (ulong)_entrySize, _headerAddress, _is64);
        return location is { } l && fde is { } f ? (l, f) : null;
    }
}

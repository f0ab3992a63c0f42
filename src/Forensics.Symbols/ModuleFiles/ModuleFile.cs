using Forensics.Elf;
using Forensics.Symbols.CallFrames;
using Forensics.Symbols.SymbolTables;

namespace Forensics.Symbols.ModuleFiles;

/// <summary>
/// An executable, shared library or separate debug file found on disk for a module of a core: its build-id, load
/// segments (to read code and <c>.eh_frame</c> by link-time address), CFI tables and function symbols. Read by
/// <see cref="ModuleFileReader"/>; immutable but for the indexes it makes on first use (under a lock), so the cores of
/// a run share one through <see cref="ModuleFileCache"/>.
/// </summary>
internal sealed class ModuleFile : IAddressSpace
{
    public required string Path { get; init; }
    public required byte[] Bytes { get; init; }
    public required bool Is64 { get; init; }
    public required ushort Machine { get; init; }
    public string? BuildId { get; init; }
    public IReadOnlyList<LoadSegment> Loads { get; init; } = [];
    /// <summary>The lowest PT_LOAD address rounded down to its page: what the load bias is measured from.</summary>
    public ulong FirstLoadPage { get; init; }
    public ulong? EhFrameHeaderAddress { get; init; }
    public (ulong Address, ulong Size)? EhFrame { get; init; }
    public byte[]? DebugFrame { get; init; }
    public SymbolTable Symbols { get; init; } = SymbolTable.Empty;
    /// <summary>Link-time address of glibc's <c>__abort_msg</c> pointer, where the file exports it.</summary>
    public ulong? AbortMessageAddress { get; init; }
    /// <summary>Has code bytes (a separate debug file keeps only headers: its sections are NOBITS).</summary>
    public bool HasCode { get; init; }
    /// <summary>Where <c>.debug_line</c> and its string sections are, for file:line.</summary>
    public DebugSections? Debug { get; init; }
    /// <summary>The separate debug file <c>.gnu_debuglink</c> names, with its CRC-32.</summary>
    public DebugLink? DebugLink { get; init; }
    /// <summary>Malformed parts that left the file usable (a damaged <c>.gnu_debugdata</c>, a bad debug link).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>About what the file takes in memory: its bytes, the sections copied out of it, its symbols.</summary>
    public long HeldBytes => Bytes.LongLength + (DebugFrame?.LongLength ?? 0)
        + (Debug is { } debug ? debug.Line.LongLength + (debug.LineStrings?.LongLength ?? 0) + (debug.Strings?.LongLength ?? 0) : 0)
        + Symbols.Count * BytesPerSymbol;

    /// <summary>A <see cref="FunctionSymbol"/> and its name string, roughly.</summary>
    private const long BytesPerSymbol = 96;

    /// <summary>Reads file bytes at link-time addresses through the PT_LOAD segments (bytes past p_filesz are unavailable).</summary>
    public int Read(ulong address, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var at = address + (ulong)total;
            if (at < address)
                break;
            var found = false;
            foreach (var load in Loads)
            {
                if (at < load.Address || at - load.Address >= load.FileSize)
                    continue;
                var inSegment = at - load.Address;
                var fileAt = load.Offset + inSegment;
                if (fileAt >= (ulong)Bytes.Length)
                    break;
                var count = (int)Math.Min(Math.Min((ulong)(buffer.Length - total), load.FileSize - inSegment), (ulong)Bytes.Length - fileAt);
                Bytes.AsSpan((int)fileAt, count).CopyTo(buffer[total..]);
                total += count;
                found = true;
                break;
            }
            if (!found)
                break;
        }
        return total;
    }

    /// <summary>Whether a link-time address lies in an executable segment with bytes in the file.</summary>
    public bool IsCode(ulong address) => Loads.Any(l => l.Executable && address >= l.Address && address - l.Address < l.FileSize);

    private readonly Lock _indexing = new();
    private CallFrameIndex? _ehFrameIndex;
    private CallFrameIndex? _debugFrameIndex;

    /// <summary>
    /// The CFI tables, <c>.eh_frame</c> first: new tables for each caller (they keep the problems their lookups meet),
    /// over the search table of <c>.eh_frame_hdr</c> or an index of the section made on first use and kept with the
    /// file. Indexing spends from the caller's budget; a budget that runs out leaves no index behind.
    /// </summary>
    public IReadOnlyList<ICallFrameTable> CallFrameTables(IReadCheckpoint checkpoint)
    {
        var tables = new List<ICallFrameTable>(2);
        ICallFrameTable? ehFrame = EhFrameHeaderAddress is { } header ? EhFrameHeaderTable.Open(this, header, Is64, out _) : null;
        if (ehFrame is null && EhFrame is { } section)
        {
            var index = Indexed(ref _ehFrameIndex, () => CallFrameIndex.Build(this, CallFrameSectionKind.EhFrame, Is64, section.Address, section.Size, checkpoint));
            ehFrame = new ScannedFrameTable(this, CallFrameSectionKind.EhFrame, Is64, section.Address, index);
        }
        if (ehFrame is not null)
            tables.Add(ehFrame);
        if (DebugFrame is { } debug)
        {
            var bytes = new ByteArrayAddressSpace(debug);
            var index = Indexed(ref _debugFrameIndex, () => CallFrameIndex.Build(bytes, CallFrameSectionKind.DebugFrame, Is64, 0, (ulong)debug.Length, checkpoint));
            tables.Add(new ScannedFrameTable(bytes, CallFrameSectionKind.DebugFrame, Is64, 0, index));
        }
        return tables;
    }

    private CallFrameIndex Indexed(ref CallFrameIndex? kept, Func<CallFrameIndex> build)
    {
        lock (_indexing)
            return kept ??= build();
    }
}

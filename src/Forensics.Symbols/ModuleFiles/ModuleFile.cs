using Forensics.Elf;
using Forensics.Symbols.CallFrames;
using Forensics.Symbols.SymbolTables;

namespace Forensics.Symbols.ModuleFiles;

/// <summary>
/// An executable, shared library or separate debug file found on disk for a module of a core: its build-id, load
/// segments (to read code and <c>.eh_frame</c> by link-time address), CFI tables and function symbols. Read by
/// <see cref="ModuleFileReader"/>.
/// </summary>
internal sealed class ModuleFile : IAddressSpace
{
    public required string Path { get; init; }
    public required byte[] Bytes { get; init; }
    /// <summary>The budget of the input whose walk opened the file: indexing its CFI and lines spends from it.</summary>
    public required IReadCheckpoint Checkpoint { get; init; }
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

    private ICallFrameTable? _ehFrame;
    private ICallFrameTable? _debugFrame;
    private bool _tablesOpened;

    /// <summary>The CFI tables, <c>.eh_frame</c> first; opened on first use.</summary>
    public IEnumerable<ICallFrameTable> CallFrameTables()
    {
        if (!_tablesOpened)
        {
            _tablesOpened = true;
            if (EhFrameHeaderAddress is { } header)
                _ehFrame = EhFrameHeaderTable.Open(this, header, Is64, out _);
            if (_ehFrame is null && EhFrame is { } section)
                _ehFrame = new ScannedFrameTable(this, CallFrameSectionKind.EhFrame, Is64, section.Address, section.Size, Checkpoint);
            if (DebugFrame is { } debug)
                _debugFrame = new ScannedFrameTable(new ByteArrayAddressSpace(debug), CallFrameSectionKind.DebugFrame, Is64, 0, (ulong)debug.Length, Checkpoint);
        }
        if (_ehFrame is not null)
            yield return _ehFrame;
        if (_debugFrame is not null)
            yield return _debugFrame;
    }
}

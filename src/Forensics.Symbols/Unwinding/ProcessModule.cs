using Forensics.Elf;
using Forensics.Symbols.CallFrames;
using Forensics.Symbols.ModuleFiles;
using Forensics.Symbols.SourceLines;
using Forensics.Symbols.SymbolTables;

namespace Forensics.Symbols.Unwinding;

/// <summary>A module as loaded in the process: where, with which bias, and the files found for it.</summary>
internal sealed class ProcessModule
{
    public required string Name { get; init; }
    public string? Path { get; init; }
    public required ulong Base { get; init; }
    public required ulong End { get; init; }
    /// <summary>Runtime address minus link-time address.</summary>
    public required ulong Bias { get; init; }
    public string? BuildId { get; init; }
    /// <summary>Finds the module's files; called on first use, so only modules a stack passes through are looked for.</summary>
    public required Func<(ModuleFile? Code, ModuleFile? Debug)> Locate { get; init; }

    private (ModuleFile? Code, ModuleFile? Debug)? _files;

    /// <summary>Whether the files were looked for (a frame lay in the module).</summary>
    public bool LookedFor => _files is not null;
    public ModuleFile? File => (_files ??= Locate()).Code;
    public ModuleFile? DebugFile => (_files ??= Locate()).Debug;
    /// <summary>The runtime address of <c>.eh_frame_hdr</c> in the process's memory (the vdso's is always dumped).</summary>
    public ulong? MemoryEhFrameHeader { get; init; }
    public required IAddressSpace Memory { get; init; }
    public required bool Is64 { get; init; }
    /// <summary>The budget of the core being walked: indexing CFI and lines of a file on first use spends from it.</summary>
    public required IReadCheckpoint Checkpoint { get; init; }

    private List<ICallFrameTable>? _tables;

    public bool Contains(ulong address) => address >= Base && address < End;

    /// <summary>CFI from the module file, its debug file, then the copy in the core's memory.</summary>
    public IReadOnlyList<ICallFrameTable> CallFrameTables()
    {
        if (_tables is not null)
            return _tables;
        _tables = [];
        if (File is not null)
            _tables.AddRange(File.CallFrameTables(Checkpoint));
        if (DebugFile is not null)
            _tables.AddRange(DebugFile.CallFrameTables(Checkpoint).Where(t => t is ScannedFrameTable));
        if (File is null && MemoryEhFrameHeader is { } header
            && EhFrameHeaderTable.Open(new BiasedAddressSpace(Memory, Bias), header - Bias, Is64, out _) is { } table)
        {
            _tables.Add(table);
        }
        return _tables;
    }

    /// <summary>Source file and line of a link-time address, from the line table of the debug file or the module file.</summary>
    public SourceLine? LineAt(ulong linkAddress) =>
        (DebugFile?.Debug is { } debug ? LineTable.For(DebugFile, debug, Checkpoint).Find(linkAddress) : null)
        ?? (File?.Debug is { } own ? LineTable.For(File, own, Checkpoint).Find(linkAddress) : null);

    public FunctionSymbol? Symbol(ulong linkAddress) => DebugFile?.Symbols.Find(linkAddress) ?? File?.Symbols.Find(linkAddress);

    /// <summary>Code bytes at a runtime address: from the module file when there is one, else from the core.</summary>
    public int ReadCode(ulong address, Span<byte> buffer)
    {
        if (File is not null)
        {
            var read = File.Read(address - Bias, buffer);
            if (read == buffer.Length)
                return read;
        }
        return Memory.Read(address, buffer);
    }
}

namespace Forensics.Elf;

/// <summary>
/// An ELF core read from a byte source: header, program headers (PN_XNUM too), notes, and reads by file
/// offset and by virtual address. Every size, count and offset is checked against the file length and
/// <see cref="CoreLimits"/> before use; every problem is reported to the caller's <see cref="IElfDiagnosticSink"/>
/// and reading goes on.
/// </summary>
public sealed partial class ElfCoreFile
{
    private readonly IElfDiagnosticSink _sink;
    private readonly IReadCheckpoint _checkpoint;
    private readonly List<ProgramHeader> _programHeaders = [];
    private readonly List<ProgramHeader> _loads = [];
    private readonly List<ElfNote> _notes = [];

    private ElfCoreFile(IByteSource source, CoreLimits limits, IElfDiagnosticSink sink, IReadCheckpoint checkpoint)
    {
        _checkpoint = checkpoint;
        Source = source;
        Limits = limits;
        _sink = sink;
        Memory = new CoreAddressSpace(source, _loads);
    }

    public IByteSource Source { get; }
    public CoreLimits Limits { get; }
    /// <summary>Null when the bytes are not a readable ELF header.</summary>
    public ElfHeader? Header { get; private set; }
    /// <summary>The real program header count (sh_info of section 0 under PN_XNUM).</summary>
    public ulong ProgramHeaderCount { get; private set; }
    public IReadOnlyList<ProgramHeader> ProgramHeaders => _programHeaders;
    /// <summary>PT_LOAD headers sorted by virtual address (ties in file order).</summary>
    public IReadOnlyList<ProgramHeader> LoadSegments => _loads;
    public IReadOnlyList<ElfNote> Notes => _notes;
    public CoreAddressSpace Memory { get; }
    /// <summary>Bytes the headers describe beyond the end of the file (a truncated core); 0 when complete or unknown.</summary>
    public ulong MissingBytes { get; private set; }

    /// <summary>
    /// Reads the headers and notes of <paramref name="source"/>, reporting each problem to <paramref name="sink"/> and
    /// passing <paramref name="checkpoint"/> (none when null) between entries of long tables.
    /// </summary>
    public static ElfCoreFile Read(IByteSource source, IElfDiagnosticSink sink, CoreLimits? limits = null, IReadCheckpoint? checkpoint = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sink);
        var file = new ElfCoreFile(source, limits ?? CoreLimits.Default, sink, checkpoint ?? ReadCheckpoints.Unlimited);
        file.ReadAll();
        return file;
    }

    /// <summary>Reads at a file offset; returns the count read (short at the end of the file).</summary>
    public int ReadFile(ulong offset, Span<byte> buffer) => Source.Read(offset, buffer);

    private void ReadAll()
    {
        Span<byte> head = stackalloc byte[ElfConstants.Header64Size];
        var read = Source.Read(0, head);
        Header = ElfHeader.Parse(head[..read], _sink);
        if (Header is null)
            return;
        ReadProgramHeaders(Header);
        ReadNotes();
    }

    private void Report(ElfProblem problem, string message, ulong? offset) => _sink.Report(problem, offset, message);

    private ulong? FileLength => Source.Length is { } length ? (ulong)length : null;
}

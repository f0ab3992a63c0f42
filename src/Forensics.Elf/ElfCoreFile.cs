namespace Forensics.Elf;

/// <summary>
/// An ELF core read from a byte source: header, program headers (PN_XNUM too), notes, and reads by file
/// offset and by virtual address. Every size, count and offset is checked against the file length and
/// <see cref="CoreLimits"/> before use; problems become <see cref="Diagnostics"/> and reading goes on.
/// </summary>
public sealed partial class ElfCoreFile
{
    private readonly List<ElfDiagnostic> _diagnostics = [];
    private readonly List<ProgramHeader> _programHeaders = [];
    private readonly List<ProgramHeader> _loads = [];
    private readonly List<ElfNote> _notes = [];

    private ElfCoreFile(IByteSource source, CoreLimits limits)
    {
        Source = source;
        Limits = limits;
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
    public IReadOnlyList<ElfDiagnostic> Diagnostics => _diagnostics;
    public CoreAddressSpace Memory { get; }
    /// <summary>Bytes the headers describe beyond the end of the file (a truncated core); 0 when complete or unknown.</summary>
    public ulong MissingBytes { get; private set; }

    public static ElfCoreFile Read(IByteSource source, CoreLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var file = new ElfCoreFile(source, limits ?? CoreLimits.Default);
        file.ReadAll();
        return file;
    }

    /// <summary>Reads at a file offset; returns the count read (short at the end of the file).</summary>
    public int ReadFile(ulong offset, Span<byte> buffer) => Source.Read(offset, buffer);

    private void ReadAll()
    {
        Span<byte> head = stackalloc byte[ElfConstants.Header64Size];
        var read = Source.Read(0, head);
        Header = ElfHeader.Parse(head[..read], out var problemId, out var problem);
        if (Header is null)
        {
            Add(ElfDiagnosticSeverity.Error, problemId!, problem!, 0);
            return;
        }
        ReadProgramHeaders(Header);
        ReadNotes();
    }

    private void Add(ElfDiagnosticSeverity severity, string id, string message, ulong? offset) =>
        _diagnostics.Add(new ElfDiagnostic(severity, id, message, offset));

    private ulong? FileLength => Source.Length is { } length ? (ulong)length : null;
}

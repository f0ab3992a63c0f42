namespace Forensics.Model;

/// <summary>One mapped range <c>[Start, End)</c> of a process's address space, in one model for every source.</summary>
public sealed class Region
{
    // The optional numbers are kept as plain fields plus one bit each in _known rather than as auto-properties
    // of Nullable<T>: a ulong? field takes 16 bytes and a SourceLocation 24, which made a Region 192 bytes.
    // What only cores and runtimes give (dumped bytes, file offsets, a runtime's role, a thread found from a stack
    // pointer) waits in a Details object made when first set, and the enums are kept as bytes: a Region of a maps,
    // smaps or pmap line is 112 bytes rather than 152. Text importers create one Region per line (2,000,000 for the
    // largest generated maps), and allocating and collecting those bytes was most of the cost of importing maps
    // (see tests/Forensics.Benchmarks/README.md).
    private ulong _offset;
    private ulong _inode;
    private Details? _details;
    private int _locationLine;
    private Known _known;
    private byte _kind;
    private byte _statedKind;
    private byte _sources;

    public Region(ulong start, ulong end)
    {
        if (end < start)
            throw new ArgumentOutOfRangeException(nameof(end), "A region cannot end before it starts.");
        Start = start;
        End = end;
    }

    public ulong Start { get; }
    /// <summary>Exclusive end.</summary>
    public ulong End { get; }
    public ulong Size => End - Start;

    public Permissions Permissions { get; set; }
    /// <summary>File offset of the mapping in bytes, where known.</summary>
    public ulong? Offset
    {
        get => Get(Known.Offset, _offset);
        set => Set(Known.Offset, ref _offset, value);
    }
    /// <summary>Device as the source printed it (<c>fe:00</c>, <c>0fe:00000</c>), where known.</summary>
    public string? Device { get; set; }
    public ulong? Inode
    {
        get => Get(Known.Inode, _inode);
        set => Set(Known.Inode, ref _inode, value);
    }

    /// <summary>Path or pseudo-name (<c>[heap]</c>, <c>memfd:x</c>), without the <c> (deleted)</c> suffix; null when unnamed.</summary>
    public string? Name { get; set; }
    /// <summary>The source marked the file as deleted (<c> (deleted)</c>).</summary>
    public bool Deleted { get; set; }
    /// <summary>The source printed only a basename (default pmap), so <see cref="Name"/> is not a path.</summary>
    public bool NameIsBasename { get; set; }
    /// <summary>
    /// The writer cut the name short (procps pmap's 1024-byte line buffer, docs/formats.md#pmap-long-paths): <see cref="Name"/>
    /// holds what is known of it, the start and, after <c>…</c>, the end where the writer printed it.
    /// </summary>
    public bool NameTruncated { get; set; }

    /// <summary>What the region is, as normalisation decided it: <see cref="StatedKind"/> where an importer stated one, else classified.</summary>
    public RegionKind Kind { get => (RegionKind)_kind; set => _kind = checked((byte)value); }
    /// <summary>
    /// The kind an importer stated from what only it sees (a core's thread stack pointers, AT_SYSINFO_EHDR), or one a
    /// merge carried over from a member; <see cref="RegionKind.Unknown"/> when it stated none. Normalisation starts
    /// from it and classifies the rest; it never sets it.
    /// </summary>
    public RegionKind StatedKind { get => (RegionKind)_statedKind; set => _statedKind = checked((byte)value); }
    /// <summary>Name of the ELF image (module) this region belongs to, where it belongs to one.</summary>
    public string? Module { get; set; }

    public RegionMetrics? Metrics { get; set; }
    /// <summary>smaps VmFlags codes as printed (<c>rd wr mr mw me ac</c>), where known.</summary>
    public string? VmFlags { get; set; }

    /// <summary>For cores: how many bytes of the region the core holds (p_filesz); null when no PT_LOAD covers it.</summary>
    public ulong? DumpedBytes
    {
        get => Get(Known.DumpedBytes, _details?.DumpedBytes ?? 0);
        set => SetDetail(Known.DumpedBytes, value, static details => ref details.DumpedBytes);
    }
    /// <summary>For cores: the file offset of the region's data.</summary>
    public ulong? CoreFileOffset
    {
        get => Get(Known.CoreFileOffset, _details?.CoreFileOffset ?? 0);
        set => SetDetail(Known.CoreFileOffset, value, static details => ref details.CoreFileOffset);
    }

    public RegionSources Sources { get => (RegionSources)_sources; set => _sources = checked((byte)value); }
    /// <summary>Where in the input the region was described (line for text, byte offset for cores).</summary>
    public SourceLocation Location
    {
        get => new(Get(Known.LocationLine, _locationLine), Get(Known.LocationOffset, _details?.LocationOffset ?? 0));
        set
        {
            Set(Known.LocationLine, ref _locationLine, value.Line);
            SetDetail(Known.LocationOffset, value.Offset, static details => ref details.LocationOffset);
        }
    }

    /// <summary>
    /// What a managed runtime uses the region for (<c>gc-heap gen2</c>, <c>jit-code-heap</c>, <c>loader-heap</c>),
    /// next to its native <see cref="Kind"/>; null when no runtime claimed it.
    /// </summary>
    public RuntimeRole? RuntimeRole
    {
        get => _details?.RuntimeRole;
        set
        {
            if (value is not null || _details is not null)
                Detail().RuntimeRole = value;
        }
    }

    /// <summary>Thread id for <c>[stack:TID]</c> names or stacks found from a thread's stack pointer.</summary>
    public int? ThreadId
    {
        get => Get(Known.ThreadId, _details?.ThreadId ?? 0);
        set => SetDetail(Known.ThreadId, value, static details => ref details.ThreadId);
    }

    public bool IsAnonymous => Name is null;
    public bool Contains(ulong address) => address >= Start && address < End;

    /// <summary>A pseudo-name in brackets such as <c>[heap]</c>, <c>[vdso]</c>, <c>[anon:x]</c>.</summary>
    public bool HasBracketName => Name is { Length: > 1 } n && n[0] == '[' && n[^1] == ']';

    /// <summary>The name as the source printed it, with <c> (deleted)</c> restored.</summary>
    public string? DisplayName => Name is null ? null : Deleted ? Name + " (deleted)" : Name;

    public override string ToString() => $"{Start:x}-{End:x} {Permissions} {DisplayName}";

    private Details Detail() => _details ??= new Details();

    /// <summary>Sets a number kept in <see cref="Details"/>, which an unknown value does not make.</summary>
    private void SetDetail<T>(Known field, T? value, DetailField<T> storage) where T : struct
    {
        if (value is null && _details is null)
            _known &= ~field;
        else
            Set(field, ref storage(Detail()), value);
    }

    private delegate ref T DetailField<T>(Details details);

    private T? Get<T>(Known field, T value) where T : struct => (_known & field) != 0 ? value : null;

    private void Set<T>(Known field, ref T storage, T? value) where T : struct
    {
        storage = value.GetValueOrDefault();
        _known = value.HasValue ? _known | field : _known & ~field;
    }

    [Flags]
    private enum Known : byte
    {
        Offset = 1 << 0,
        Inode = 1 << 1,
        DumpedBytes = 1 << 2,
        CoreFileOffset = 1 << 3,
        LocationLine = 1 << 4,
        LocationOffset = 1 << 5,
        ThreadId = 1 << 6,
    }

    /// <summary>What only cores and runtimes give, kept apart so that a region of a text line does not carry it.</summary>
    private sealed class Details
    {
        public ulong DumpedBytes;
        public ulong CoreFileOffset;
        public ulong LocationOffset;
        public int ThreadId;
        public RuntimeRole? RuntimeRole;
    }
}

using System.Runtime.CompilerServices;

namespace Forensics.Model;

/// <summary>One mapped range <c>[Start, End)</c> of a process's address space, in one model for every source.</summary>
public sealed class Region
{
    // Text importers create one Region per line (2,000,000 for the largest generated maps), so its size is most of the
    // memory such an input takes: a Region of a maps or pmap line is 80 bytes (it was 192 with Nullable<T>
    // auto-properties, then 112). The optional numbers are plain fields with one "known" bit each rather than
    // Nullable<T> (a ulong? takes 16 bytes); the permissions, both kinds, the sources and the flags share one 32-bit
    // field; what only cores, smaps and runtimes give (dumped bytes, file offsets, smaps metrics and flags, a runtime's
    // role, a thread found from a stack pointer, a module not named as the region) waits in a Details object made when
    // first set.
    private ulong _offset;
    private ulong _inode;
    private string? _name;
    private Details? _details;
    private int _locationLine;
    private uint _packed;

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

    public Permissions Permissions
    {
        get => Permissions.FromPacked((byte)Field(PermissionsShift, PermissionsWidth));
        set => SetField(PermissionsShift, PermissionsWidth, value.Packed);
    }
    /// <summary>File offset of the mapping in bytes, where known.</summary>
    public ulong? Offset
    {
        get => Get(Flags.OffsetKnown, _offset);
        set => Set(Flags.OffsetKnown, ref _offset, value);
    }
    /// <summary>Device as the source printed it (<c>fe:00</c>, <c>0fe:00000</c>), where known.</summary>
    public string? Device { get; set; }
    public ulong? Inode
    {
        get => Get(Flags.InodeKnown, _inode);
        set => Set(Flags.InodeKnown, ref _inode, value);
    }

    /// <summary>Path or pseudo-name (<c>[heap]</c>, <c>memfd:x</c>), without the <c> (deleted)</c> suffix; null when unnamed.</summary>
    public string? Name
    {
        get => _name;
        set
        {
            // A module named as the region was keeps its name when the region's changes.
            if (Has(Flags.ModuleIsName) && !string.Equals(value, _name, StringComparison.Ordinal))
            {
                SetFlag(Flags.ModuleIsName, false);
                SetDetail(_name, static (details, module) => details.Module = module);
            }
            _name = value;
        }
    }
    /// <summary>The source marked the file as deleted (<c> (deleted)</c>).</summary>
    public bool Deleted { get => Has(Flags.Deleted); set => SetFlag(Flags.Deleted, value); }
    /// <summary>The source printed only a basename (default pmap), so <see cref="Name"/> is not a path.</summary>
    public bool NameIsBasename { get => Has(Flags.NameIsBasename); set => SetFlag(Flags.NameIsBasename, value); }
    /// <summary>
    /// The writer cut the name short (procps pmap's 1024-byte line buffer, docs/formats.md#pmap-long-paths): <see cref="Name"/>
    /// holds what is known of it, the start and, after <c>…</c>, the end where the writer printed it.
    /// </summary>
    public bool NameTruncated { get => Has(Flags.NameTruncated); set => SetFlag(Flags.NameTruncated, value); }

    /// <summary>What the region is, as normalisation decided it: <see cref="StatedKind"/> where an importer stated one, else classified.</summary>
    public RegionKind Kind { get => (RegionKind)Field(KindShift, KindWidth); set => SetField(KindShift, KindWidth, (uint)value); }
    /// <summary>
    /// The kind an importer stated from what only it sees (a core's thread stack pointers, AT_SYSINFO_EHDR), or one a
    /// merge carried over from a member; <see cref="RegionKind.Unknown"/> when it stated none. Normalisation starts
    /// from it and classifies the rest; it never sets it.
    /// </summary>
    public RegionKind StatedKind { get => (RegionKind)Field(StatedKindShift, StatedKindWidth); set => SetField(StatedKindShift, StatedKindWidth, (uint)value); }
    /// <summary>Name of the ELF image (module) this region belongs to, where it belongs to one.</summary>
    public string? Module
    {
        get => Has(Flags.ModuleIsName) ? _name : _details?.Module;
        set
        {
            // Nearly every region of an image has the image's name as its module: only a flag says so.
            var isName = value is not null && string.Equals(value, _name, StringComparison.Ordinal);
            SetFlag(Flags.ModuleIsName, isName);
            SetDetail(isName ? null : value, static (details, module) => details.Module = module);
        }
    }

    public RegionMetrics? Metrics
    {
        get => _details?.Metrics;
        set => SetDetail(value, static (details, metrics) => details.Metrics = metrics);
    }
    /// <summary>smaps VmFlags codes as printed (<c>rd wr mr mw me ac</c>), where known.</summary>
    public string? VmFlags
    {
        get => _details?.VmFlags;
        set => SetDetail(value, static (details, flags) => details.VmFlags = flags);
    }

    /// <summary>For cores: how many bytes of the region the core holds (p_filesz); null when no PT_LOAD covers it.</summary>
    public ulong? DumpedBytes
    {
        get => _details?.DumpedBytes;
        set => SetDetail(value, static (details, bytes) => details.DumpedBytes = bytes);
    }
    /// <summary>For cores: the file offset of the region's data.</summary>
    public ulong? CoreFileOffset
    {
        get => _details?.CoreFileOffset;
        set => SetDetail(value, static (details, offset) => details.CoreFileOffset = offset);
    }

    public RegionSources Sources { get => (RegionSources)Field(SourcesShift, SourcesWidth); set => SetField(SourcesShift, SourcesWidth, (uint)value); }
    /// <summary>Where in the input the region was described (line for text, byte offset for cores).</summary>
    public SourceLocation Location
    {
        get => new(Get(Flags.LocationLineKnown, _locationLine), _details?.LocationOffset);
        set
        {
            Set(Flags.LocationLineKnown, ref _locationLine, value.Line);
            SetDetail(value.Offset, static (details, offset) => details.LocationOffset = offset);
        }
    }

    /// <summary>
    /// What a managed runtime uses the region for (<c>gc-heap gen2</c>, <c>jit-code-heap</c>, <c>loader-heap</c>),
    /// next to its native <see cref="Kind"/>; null when no runtime claimed it.
    /// </summary>
    public RuntimeRole? RuntimeRole
    {
        get => _details?.RuntimeRole;
        set => SetDetail(value, static (details, role) => details.RuntimeRole = role);
    }

    /// <summary>Thread id for <c>[stack:TID]</c> names or stacks found from a thread's stack pointer.</summary>
    public int? ThreadId
    {
        get => _details?.ThreadId;
        set => SetDetail(value, static (details, thread) => details.ThreadId = thread);
    }

    public bool IsAnonymous => Name is null;
    public bool Contains(ulong address) => address >= Start && address < End;

    /// <summary>A pseudo-name in brackets such as <c>[heap]</c>, <c>[vdso]</c>, <c>[anon:x]</c>.</summary>
    public bool HasBracketName => Name is { Length: > 1 } n && n[0] == '[' && n[^1] == ']';

    /// <summary>The name as the source printed it, with <c> (deleted)</c> restored.</summary>
    public string? DisplayName => Name is null ? null : Deleted ? Name + " (deleted)" : Name;

    public override string ToString() => $"{Start:x}-{End:x} {Permissions} {DisplayName}";

    /// <summary>Sets a value kept in <see cref="Details"/>, which an unknown value does not make.</summary>
    private void SetDetail<T>(T value, Action<Details, T> store)
    {
        if (value is not null || _details is not null)
            store(_details ??= new Details(), value);
    }

    private T? Get<T>(Flags known, T value) where T : struct => Has(known) ? value : null;

    private void Set<T>(Flags known, ref T storage, T? value) where T : struct
    {
        storage = value.GetValueOrDefault();
        SetFlag(known, value.HasValue);
    }

    // Where each part of _packed lies: its shift, and its width in bits.
    private const int PermissionsShift = 0, PermissionsWidth = 8;
    private const int KindShift = 8, KindWidth = 5;
    private const int StatedKindShift = 13, StatedKindWidth = 5;
    private const int SourcesShift = 18, SourcesWidth = 6;
    private const int FlagsShift = 24;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Field(int shift, int width) => (_packed >> shift) & ((1u << width) - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetField(int shift, int width, uint value)
    {
        var mask = (1u << width) - 1;
        if (value > mask)
            throw new ArgumentOutOfRangeException(nameof(value), value, "The value does not fit its field of a region.");
        _packed = (_packed & ~(mask << shift)) | (value << shift);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Has(Flags flag) => (_packed & ((uint)flag << FlagsShift)) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetFlag(Flags flag, bool value) =>
        _packed = value ? _packed | ((uint)flag << FlagsShift) : _packed & ~((uint)flag << FlagsShift);

    [Flags]
    private enum Flags : byte
    {
        OffsetKnown = 1 << 0,
        InodeKnown = 1 << 1,
        LocationLineKnown = 1 << 2,
        Deleted = 1 << 3,
        NameIsBasename = 1 << 4,
        NameTruncated = 1 << 5,
        ModuleIsName = 1 << 6,
    }

    /// <summary>What only cores, smaps and runtimes give, kept apart so that a region of a maps or pmap line does not carry it.</summary>
    private sealed class Details
    {
        public ulong? DumpedBytes;
        public ulong? CoreFileOffset;
        public ulong? LocationOffset;
        public int? ThreadId;
        public RuntimeRole? RuntimeRole;
        public RegionMetrics? Metrics;
        public string? VmFlags;
        public string? Module;
    }
}

using Forensics.Elf.Notes;

namespace Forensics.Elf.Images;

/// <summary>
/// Reads an ELF image's header, program headers, build-id note and DT_SONAME from process memory, the way
/// <c>eu-unstrip -n --core</c> does (docs/formats.md#images-and-build-ids). Everything comes from the core; nothing is read from disk.
/// </summary>
public static class ElfImageReader
{
    private const ulong PageSize = 0x1000;
    private const int MaxImageProgramHeaders = 256, MaxNoteBytes = 1 << 16, MaxDynamicEntries = 4096;
    private const long DynamicNull = 0, DynamicStringTable = 5, DynamicSoName = 14, DynamicDebug = 21;

    /// <summary>The image whose ELF header is at <paramref name="start"/>, or null when no readable header is there.</summary>
    public static ElfImage? TryRead(IAddressSpace memory, ulong start, int maxStringBytes) => Read(memory, start, null, maxStringBytes);

    /// <summary>
    /// The image described by a copy of its ELF header at <paramref name="copyAddress"/>, placed at <paramref name="start"/>
    /// (docs/formats.md#images-and-build-ids, copies of the ELF header): the copy maps file page 0, so notes that lie in that
    /// page and are not in the core at the image's own address are read through it.
    /// </summary>
    public static ElfImage? TryReadPlaced(IAddressSpace memory, ulong copyAddress, ulong start, int maxStringBytes) =>
        Read(memory, copyAddress, start, maxStringBytes);

    private static ElfImage? Read(IAddressSpace memory, ulong headerAddress, ulong? placedAt, int maxStringBytes)
    {
        Span<byte> head = stackalloc byte[ElfConstants.Header64Size];
        var read = memory.Read(headerAddress, head);
        var header = ElfHeader.Parse(head[..read], null);
        if (header is null || header.Type is not (ElfConstants.TypeExecutable or ElfConstants.TypeShared))
            return null;
        if (header.ProgramHeaderCount is 0 or > MaxImageProgramHeaders || header.ProgramHeaderEntrySize < header.ExpectedProgramHeaderSize)
            return null;

        var headers = new List<ProgramHeader>(header.ProgramHeaderCount);
        Span<byte> entry = stackalloc byte[header.ExpectedProgramHeaderSize];
        for (var index = 0; index < header.ProgramHeaderCount; index++)
        {
            var at = headerAddress + header.ProgramHeaderOffset + ((ulong)index * header.ProgramHeaderEntrySize);
            if (at < headerAddress || memory.Read(at, entry) < entry.Length)
                return null;
            headers.Add(ProgramHeader.Parse(entry, header.Is64, index, at));
        }
        var loads = headers.Where(h => h.IsLoad).ToList();
        if (loads.Count == 0)
            return null;
        var lowest = loads.Min(h => h.VirtualAddress) & ~(PageSize - 1);
        var highest = loads.Max(h => h.MemoryEnd);
        var start = placedAt ?? headerAddress;
        var bias = start - lowest;
        var copy = placedAt is null ? (ulong?)null : headerAddress;
        var (buildId, buildIdAddress) = FindBuildId(memory, headers, bias, copy);
        var dynamic = headers.FirstOrDefault(h => h.Type == ElfConstants.SegmentDynamic);
        var hasDynamic = headers.Any(h => h.Type == ElfConstants.SegmentDynamic);
        var ehFrameHeader = headers.FirstOrDefault(h => h.Type == ElfConstants.SegmentGnuEhFrame);
        return new ElfImage
        {
            Base = start,
            End = highest - lowest > ulong.MaxValue - start ? ulong.MaxValue : start + (highest - lowest),
            Bias = bias,
            LinkBase = lowest,
            Type = header.Type,
            BuildId = buildId,
            BuildIdAddress = buildIdAddress,
            SoName = hasDynamic ? ReadSoName(memory, dynamic.VirtualAddress + bias, dynamic.MemorySize, header.Is64, bias, maxStringBytes) : null,
            DynamicAddress = hasDynamic ? dynamic.VirtualAddress + bias : null,
            DynamicSize = hasDynamic ? dynamic.MemorySize : 0,
            HasInterpreter = headers.Any(h => h.Type == ElfConstants.SegmentInterpreter),
            EhFrameHeaderAddress = ehFrameHeader.Type == ElfConstants.SegmentGnuEhFrame ? ehFrameHeader.VirtualAddress + bias : null,
            ProgramHeadersAddress = start + header.ProgramHeaderOffset,
            HeaderCopyAddress = copy,
        };
    }

    /// <summary>DT_DEBUG of a dynamic array in memory: the address of the loader's r_debug, set at run time.</summary>
    public static ulong? ReadDebugAddress(IAddressSpace memory, ulong dynamicAddress, ulong dynamicSize, bool is64)
    {
        foreach (var (tag, value) in ReadDynamic(memory, dynamicAddress, dynamicSize, is64))
        {
            if (tag == DynamicDebug)
                return value == 0 ? null : value;
        }
        return null;
    }

    private static (string?, ulong?) FindBuildId(IAddressSpace memory, List<ProgramHeader> headers, ulong bias, ulong? copy)
    {
        foreach (var note in headers.Where(h => h.IsNote))
        {
            var size = (int)Math.Min(note.FileSize, MaxNoteBytes);
            var bytes = new byte[size];
            var address = note.VirtualAddress + bias;
            var read = memory.Read(address, bytes);
            // A copy of file page 0 holds the same bytes at the note's file offset; the address reported stays the image's own.
            if (read < size && copy is { } page && note.Offset + (ulong)size <= PageSize)
                read = memory.Read(page + note.Offset, bytes);
            var notes = new List<ElfNote>();
            // GNU property notes use 8-byte alignment; everything else 4 (docs/formats.md#images-and-build-ids, step 4).
            NoteWalker.Walk(bytes.AsMemory(0, read), address, note.Align == 8 ? 8 : 4, 256, notes, null, ReadCheckpoints.Unlimited);
            foreach (var found in notes)
            {
                if (found.Owner == NoteTypes.GnuOwner && found.Type == NoteTypes.GnuBuildId && found.Descriptor.Length > 0)
                    return (Convert.ToHexStringLower(found.Descriptor.Span), found.DescriptorOffset);
            }
        }
        return (null, null);
    }

    private static string? ReadSoName(IAddressSpace memory, ulong dynamicAddress, ulong dynamicSize, bool is64, ulong bias, int maxStringBytes)
    {
        ulong? strings = null, soName = null;
        foreach (var (tag, value) in ReadDynamic(memory, dynamicAddress, dynamicSize, is64))
        {
            if (tag == DynamicStringTable) strings = value;
            else if (tag == DynamicSoName) soName = value;
        }
        if (strings is not { } table || soName is not { } offset)
            return null;
        // ld.so relocates DT_STRTAB in place for loaded objects; the vdso's dynamic array keeps link-time values.
        var tableAddress = table < bias ? table + bias : table;
        var address = tableAddress + offset;
        return address < tableAddress ? null : ReadCString(memory, address, maxStringBytes);
    }

    private static List<(long Tag, ulong Value)> ReadDynamic(IAddressSpace memory, ulong address, ulong size, bool is64)
    {
        var entrySize = is64 ? 16 : 8;
        var count = (int)Math.Min(size / (ulong)entrySize, MaxDynamicEntries);
        var entries = new List<(long, ulong)>();
        Span<byte> entry = stackalloc byte[16];
        for (var index = 0; index < count; index++)
        {
            if (memory.Read(address + ((ulong)index * (ulong)entrySize), entry[..entrySize]) < entrySize)
                break;
            var tag = is64 ? (long)LittleEndian.U64(entry, 0) : LittleEndian.I32(entry, 0);
            if (tag == DynamicNull)
                break;
            entries.Add((tag, LittleEndian.Word(entry, is64 ? 8 : 4, is64)));
        }
        return entries;
    }

    /// <summary>A NUL-terminated string from memory, at most <paramref name="maxBytes"/> long; null when unavailable.</summary>
    public static string? ReadCString(IAddressSpace memory, ulong address, int maxBytes)
    {
        var buffer = new byte[Math.Min(maxBytes, 256)];
        var collected = new List<byte>();
        while (collected.Count < maxBytes)
        {
            var chunk = buffer.AsSpan(0, Math.Min(buffer.Length, maxBytes - collected.Count));
            var read = memory.Read(address + (ulong)collected.Count, chunk);
            if (read == 0)
                return null;
            var end = chunk[..read].IndexOf((byte)0);
            if (end >= 0)
            {
                collected.AddRange(chunk[..end]);
                return LittleEndian.PathText(collected.ToArray());
            }
            collected.AddRange(chunk[..read]);
        }
        return null;
    }
}

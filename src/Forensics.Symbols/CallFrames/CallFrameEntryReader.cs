using Forensics.Elf;

namespace Forensics.Symbols.CallFrames;

/// <summary>
/// Reads CIEs and FDEs at addresses of a CFI section (docs/formats.md#call-frame-information). Lengths are checked
/// against <see cref="MaxEntryBytes"/> and the bytes actually there, so a lying length costs one failed read; each
/// failure is kept in <see cref="Problem"/> with its address.
/// </summary>
internal sealed class CallFrameEntryReader
{
    /// <summary>Real CIEs and FDEs are tens of bytes; a few KiB is generous for hand-written assembly.</summary>
    public const int MaxEntryBytes = 64 * 1024;
    private const int MaxCachedCies = 4096;

    private readonly IAddressSpace _section;
    private readonly CallFrameSectionKind _kind;
    private readonly bool _is64;
    private readonly ulong _sectionStart;
    private readonly Dictionary<ulong, CommonInformationEntry?> _cies = [];

    /// <param name="section">Reads the section by address: link-time addresses for .eh_frame, offsets for .debug_frame.</param>
    /// <param name="kind">Which of the two formats the section holds (they differ in CIE ids and pointers).</param>
    /// <param name="is64">Addresses are 8 bytes (x86_64) rather than 4 (i386).</param>
    /// <param name="sectionStart">Where the section starts in that address space (.debug_frame CIE pointers are offsets from it).</param>
    /// <param name="problem">A problem met earlier in the same section (while indexing it), kept until another replaces it.</param>
    public CallFrameEntryReader(IAddressSpace section, CallFrameSectionKind kind, bool is64, ulong sectionStart, string? problem = null)
    {
        Problem = problem;
        _section = section;
        _kind = kind;
        _is64 = is64;
        _sectionStart = sectionStart;
    }

    public bool Is64 => _is64;
    public string? Problem { get; private set; }

    /// <summary>One entry's header: its total size, where its body starts, and its CIE id or pointer.</summary>
    public readonly record struct EntryHeader(ulong Address, ulong TotalSize, ulong BodyAddress, ulong CieField, ulong CieFieldAddress, bool IsCie, bool Dwarf64);

    /// <summary>Reads the length and CIE field at <paramref name="address"/>; null at a terminator or a bad length.</summary>
    public EntryHeader? ReadHeader(ulong address)
    {
        Span<byte> head = stackalloc byte[20];
        var read = _section.Read(address, head);
        var cursor = new DwarfCursor(head[..read]);
        ulong length = cursor.U32();
        var dwarf64 = false;
        if (length == 0xffff_ffff)
        {
            length = cursor.U64();
            dwarf64 = true;
        }
        if (cursor.Failed || length == 0)
            return null;
        var lengthFieldSize = (ulong)cursor.Position;
        if (length > MaxEntryBytes)
        {
            Problem = $"CFI entry at [0x{address:x}] claims [{length}] bytes, more than [{MaxEntryBytes}]";
            return null;
        }
        var cieFieldAddress = address + lengthFieldSize;
        var cieField = dwarf64 ? cursor.U64() : cursor.U32();
        if (cursor.Failed)
            return null;
        var isCie = _kind == CallFrameSectionKind.EhFrame ? cieField == 0 : dwarf64 ? cieField == ulong.MaxValue : cieField == 0xffff_ffff;
        var body = cieFieldAddress + (dwarf64 ? 8UL : 4UL);
        return new EntryHeader(address, lengthFieldSize + length, body, cieField, cieFieldAddress, isCie, dwarf64);
    }

    /// <summary>The FDE at <paramref name="address"/> with its CIE; null (and <see cref="Problem"/>) when malformed.</summary>
    public FrameDescriptionEntry? ReadFde(ulong address)
    {
        if (ReadHeader(address) is not { IsCie: false } header)
            return null;
        var cieAddress = _kind == CallFrameSectionKind.EhFrame ? header.CieFieldAddress - header.CieField : _sectionStart + header.CieField;
        if (_kind == CallFrameSectionKind.EhFrame && header.CieField > header.CieFieldAddress)
        {
            Problem = $"FDE at [0x{address:x}] points before the start of the address space";
            return null;
        }
        if (ReadCie(cieAddress) is not { } cie)
            return null;
        var bytes = ReadBody(header);
        if (bytes is null)
            return null;
        var cursor = new DwarfCursor(bytes);
        var begin = PointerEncoding.Read(ref cursor, cie.AddressEncoding, header.BodyAddress, 0, _is64, _section);
        // The range is a plain size in the same encoding's format, never relative.
        var range = PointerEncoding.Read(ref cursor, (byte)(cie.AddressEncoding & 0x0f), header.BodyAddress + (ulong)cursor.Position, 0, _is64);
        if (begin is not { } start || range is not { } size)
        {
            Problem = $"FDE at [0x{address:x}] has an unreadable address range (encoding [0x{cie.AddressEncoding:x2}])";
            return null;
        }
        if (cie.HasAugmentationData)
        {
            var skip = cursor.Uleb();
            cursor.Bytes(skip);
        }
        if (cursor.Failed)
        {
            Problem = $"FDE at [0x{address:x}] ends inside its header";
            return null;
        }
        var end = start + size < start ? ulong.MaxValue : start + size;
        return new FrameDescriptionEntry { Cie = cie, Begin = start, End = end, Instructions = bytes[cursor.Position..] };
    }

    /// <summary>The code range of the FDE <paramref name="header"/> starts, without reading its instructions (for indexing).</summary>
    public (ulong Begin, ulong End)? ReadRange(EntryHeader header)
    {
        var cieAddress = _kind == CallFrameSectionKind.EhFrame ? header.CieFieldAddress - header.CieField : _sectionStart + header.CieField;
        if (ReadCie(cieAddress) is not { } cie)
            return null;
        Span<byte> field = stackalloc byte[20];
        var read = _section.Read(header.BodyAddress, field);
        var cursor = new DwarfCursor(field[..read]);
        var begin = PointerEncoding.Read(ref cursor, cie.AddressEncoding, header.BodyAddress, 0, _is64, _section);
        var range = PointerEncoding.Read(ref cursor, (byte)(cie.AddressEncoding & 0x0f), header.BodyAddress + (ulong)cursor.Position, 0, _is64);
        if (begin is not { } start || range is not { } size)
            return null;
        return (start, start + size < start ? ulong.MaxValue : start + size);
    }

    private CommonInformationEntry? ReadCie(ulong address)
    {
        if (_cies.TryGetValue(address, out var known))
            return known;
        var cie = ParseCie(address);
        if (_cies.Count < MaxCachedCies)
            _cies[address] = cie;
        return cie;
    }

    private CommonInformationEntry? ParseCie(ulong address)
    {
        if (ReadHeader(address) is not { IsCie: true } header)
        {
            Problem ??= $"no CIE at [0x{address:x}] where an FDE points";
            return null;
        }
        var bytes = ReadBody(header);
        if (bytes is null)
            return null;
        var cursor = new DwarfCursor(bytes);
        var version = cursor.U8();
        if (version is not (1 or 3 or 4))
        {
            Problem = $"CIE at [0x{address:x}] has version [{version}], not 1, 3 or 4";
            return null;
        }
        var augmentation = cursor.CString(32);
        if (version == 4)
        {
            var addressSize = cursor.U8();
            cursor.U8(); // segment selector size
            if (addressSize != (_is64 ? 8 : 4))
            {
                Problem = $"CIE at [0x{address:x}] has address size [{addressSize}]";
                return null;
            }
        }
        var codeAlignment = cursor.Uleb();
        var dataAlignment = cursor.Sleb();
        var returnAddress = version == 1 ? cursor.U8() : (int)Math.Min(cursor.Uleb(), int.MaxValue);
        byte addressEncoding = 0;
        var signal = false;
        var hasData = augmentation.StartsWith('z');
        if (hasData)
        {
            var dataLength = cursor.Uleb();
            var dataEnd = cursor.Position + (int)Math.Min(dataLength, (ulong)cursor.Remaining + 1);
            foreach (var letter in augmentation.AsSpan(1))
            {
                switch (letter)
                {
                    case 'R': addressEncoding = cursor.U8(); break;
                    case 'L': cursor.U8(); break;
                    case 'P':
                        var personalityEncoding = cursor.U8();
                        PointerEncoding.Read(ref cursor, (byte)(personalityEncoding & 0x7f), header.BodyAddress + (ulong)cursor.Position, 0, _is64);
                        break;
                    case 'S': signal = true; break;
                    case 'B' or 'G': break;
                    default:
                        // An unknown letter: its data cannot be read, but the length says where the instructions start.
                        cursor.Position = dataEnd;
                        break;
                }
                if (cursor.Position >= dataEnd)
                    break;
            }
            if (dataEnd > bytes.Length)
                cursor.Bytes(ulong.MaxValue);
            else
                cursor.Position = dataEnd;
        }
        else if (augmentation == "eh")
        {
            cursor.Address(_is64); // the pre-GCC-3 exception table pointer
        }
        else if (augmentation.Length > 0)
        {
            Problem = $"CIE at [0x{address:x}] has augmentation [{augmentation}] without data length";
            return null;
        }
        if (cursor.Failed || codeAlignment == 0)
        {
            Problem = $"CIE at [0x{address:x}] is cut short or has code alignment 0";
            return null;
        }
        return new CommonInformationEntry
        {
            Address = address,
            CodeAlignment = codeAlignment,
            DataAlignment = dataAlignment,
            ReturnAddressRegister = returnAddress,
            AddressEncoding = addressEncoding,
            HasAugmentationData = hasData,
            IsSignalFrame = signal,
            Instructions = bytes[cursor.Position..],
        };
    }

    private byte[]? ReadBody(EntryHeader header)
    {
        var size = header.Address + header.TotalSize - header.BodyAddress;
        if (header.Address + header.TotalSize < header.BodyAddress)
            return null;
        var bytes = new byte[(int)size];
        if (_section.Read(header.BodyAddress, bytes) < bytes.Length)
        {
            Problem = $"CFI entry at [0x{header.Address:x}] runs past the readable bytes ([{header.TotalSize}] bytes)";
            return null;
        }
        return bytes;
    }
}

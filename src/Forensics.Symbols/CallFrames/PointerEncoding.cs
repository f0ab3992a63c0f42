using Forensics.Elf;

namespace Forensics.Symbols.CallFrames;

/// <summary>
/// The DW_EH_PE pointer encodings of <c>.eh_frame</c> and <c>.eh_frame_hdr</c> (LSB "Exception Frames", see
/// docs/formats.md#call-frame-information): the low nibble gives the size and signedness, the high nibble what the
/// value is relative to, 0x80 an indirection.
/// </summary>
internal static class PointerEncoding
{
    public const byte Omit = 0xff;
    private const byte Absolute = 0x00, Uleb128 = 0x01, UData2 = 0x02, UData4 = 0x03, UData8 = 0x04;
    private const byte Sleb128 = 0x09, SData2 = 0x0a, SData4 = 0x0b, SData8 = 0x0c;
    private const byte PcRelative = 0x10, DataRelative = 0x30, FunctionRelative = 0x40, Aligned = 0x50;
    private const byte Indirect = 0x80;

    /// <summary>
    /// Reads one encoded pointer; <paramref name="fieldAddress"/> is the address of the cursor's position (for pcrel),
    /// <paramref name="dataBase"/> the base of datarel values (the start of <c>.eh_frame_hdr</c>). Null for an
    /// unknown encoding, a short read, or an indirection that <paramref name="memory"/> cannot resolve.
    /// </summary>
    public static ulong? Read(ref DwarfCursor cursor, byte encoding, ulong fieldAddress, ulong dataBase, bool is64,
        IAddressSpace? memory = null, ulong functionBase = 0)
    {
        if (encoding == Omit)
            return null;
        ulong value;
        switch (encoding & 0x0f)
        {
            case Absolute: value = cursor.Address(is64); break;
            case Uleb128: value = cursor.Uleb(); break;
            case UData2: value = cursor.U16(); break;
            case UData4: value = cursor.U32(); break;
            case UData8: value = cursor.U64(); break;
            case Sleb128: value = (ulong)cursor.Sleb(); break;
            case SData2: value = (ulong)(long)(short)cursor.U16(); break;
            case SData4: value = (ulong)(long)(int)cursor.U32(); break;
            case SData8: value = cursor.U64(); break;
            default: return null;
        }
        if (cursor.Failed)
            return null;
        switch (encoding & 0x70)
        {
            case 0: break;
            case PcRelative: value += fieldAddress; break;
            case DataRelative: value += dataBase; break;
            case FunctionRelative: value += functionBase; break;
            case Aligned: break;
            default: return null;
        }
        if (!is64)
            value &= 0xffff_ffff;
        if ((encoding & Indirect) != 0)
        {
            if (memory is null)
                return null;
            Span<byte> word = stackalloc byte[8];
            var size = is64 ? 8 : 4;
            if (memory.Read(value, word[..size]) < size)
                return null;
            value = is64 ? BitConverter.ToUInt64(word) : BitConverter.ToUInt32(word);
        }
        return value;
    }

    /// <summary>The size in bytes of a fixed-size encoding; null for LEB128, omit and unknown encodings.</summary>
    public static int? FixedSize(byte encoding, bool is64) => (encoding & 0x0f) switch
    {
        Absolute => is64 ? 8 : 4,
        UData2 or SData2 => 2,
        UData4 or SData4 => 4,
        UData8 or SData8 => 8,
        _ => null,
    };
}

using Iced.Intel;

namespace Forensics.Symbols.Unwinding;

/// <summary>
/// Whether the bytes just before an address end with a call instruction: the test a stack word must pass to be taken
/// as a return address by a scan. Direct calls are 5 bytes (<c>e8 rel32</c>), indirect ones 2 to 7 (<c>ff /2</c> with a
/// ModRM, SIB, displacement and prefixes).
/// </summary>
internal static class CallInstruction
{
    private const int Longest = 8;

    /// <summary>True or false from the decoded bytes; null when the bytes before the address cannot be read.</summary>
    public static bool? EndsAt(ulong returnAddress, Func<ulong, byte[], int> readCode, bool is64)
    {
        if (returnAddress < Longest)
            return false;
        var bytes = new byte[Longest];
        if (readCode(returnAddress - Longest, bytes) < Longest)
            return null;
        return EndsWithPlainCall(bytes, is64) ?? DecodedEndsWithCall(bytes, returnAddress, is64);
    }

    /// <summary>
    /// The answer for bytes whose candidate instructions have no legacy prefix (at most a REX): those are decided from
    /// the opcode and ModRM alone, as Iced decides them, without building Iced's decoder tables (a tenth of a small
    /// core's <c>crash</c>). Null when a candidate starts with a legacy prefix, left to Iced.
    /// </summary>
    internal static bool? EndsWithPlainCall(ReadOnlySpan<byte> bytes, bool is64)
    {
        var undecided = false;
        for (var length = 2; length <= 7; length++)
        {
            var instruction = bytes[(Longest - length)..];
            if (is64 && IsRex(instruction[0]))
                instruction = instruction[1..];
            if (IsLegacyPrefix(instruction[0]) || (is64 && IsRex(instruction[0])))
            {
                undecided = true;
                continue;
            }
            if (IsCall(instruction, is64))
                return true;
        }
        return undecided ? null : false;
    }

    /// <summary>
    /// Whether <paramref name="instruction"/>, without prefixes, is exactly one call: <c>e8 rel32</c>, <c>ff /2</c>
    /// (near, any operand), <c>ff /3</c> (far, a memory operand), outside 64-bit mode <c>9a ptr16:32</c>, or a call
    /// into the system or hypervisor.
    /// </summary>
    private static bool IsCall(ReadOnlySpan<byte> instruction, bool is64) => instruction[0] switch
    {
        0xe8 => instruction.Length == 5,
        0x9a => !is64 && instruction.Length == 7,
        // Iced counts the system and VM calls as calls too: syscall, sysenter, vmcall, vmlaunch, vmresume, vmrun, vmmcall.
        0x0f => instruction.Length switch
        {
            2 => instruction[1] is 0x05 or 0x34,
            3 => instruction[1] == 0x01 && instruction[2] is 0xc1 or 0xc2 or 0xc3 or 0xd8 or 0xd9,
            _ => false,
        },
        0xff when instruction.Length >= 2 => ((instruction[1] >> 3) & 7) switch
        {
            2 => 1 + ModRmLength(instruction[1..]) == instruction.Length,
            3 => instruction[1] >> 6 != 3 && 1 + ModRmLength(instruction[1..]) == instruction.Length,
            _ => false,
        },
        _ => false,
    };

    /// <summary>The bytes of a ModRM with its SIB and displacement (32- and 64-bit addressing); 0 when the SIB is cut off.</summary>
    private static int ModRmLength(ReadOnlySpan<byte> operand)
    {
        var mod = operand[0] >> 6;
        var rm = operand[0] & 7;
        if (mod == 3)
            return 1;
        var length = 1;
        if (rm == 4)
        {
            if (operand.Length < 2)
                return 0;
            length++;
            if (mod == 0 && (operand[1] & 7) == 5)
                return length + 4;
        }
        else if (mod == 0 && rm == 5)
        {
            return length + 4;
        }
        return length + (mod == 1 ? 1 : mod == 2 ? 4 : 0);
    }

    private static bool IsRex(byte value) => value is >= 0x40 and <= 0x4f;

    private static bool IsLegacyPrefix(byte value) => value is 0x26 or 0x2e or 0x36 or 0x3e or 0x64 or 0x65 or 0x66 or 0x67 or 0xf0 or 0xf2 or 0xf3;

    /// <summary>The answer of Iced's decoder: a call of 2 to 7 bytes that ends where the bytes end.</summary>
    internal static bool DecodedEndsWithCall(byte[] bytes, ulong returnAddress, bool is64)
    {
        for (var length = 2; length <= 7; length++)
        {
            var start = Longest - length;
            var decoder = Decoder.Create(is64 ? 64 : 32, new ByteArrayCodeReader(bytes, start, length), returnAddress - (ulong)length);
            decoder.Decode(out var instruction);
            if (!instruction.IsInvalid && instruction.Length == length
                && instruction.FlowControl is FlowControl.Call or FlowControl.IndirectCall)
            {
                return true;
            }
        }
        return false;
    }
}

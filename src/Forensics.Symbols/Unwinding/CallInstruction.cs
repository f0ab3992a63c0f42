using Iced.Intel;

namespace Forensics.Symbols.Unwinding;

/// <summary>
/// Whether the bytes just before an address end with a call instruction, decoded with Iced: the test a stack word must
/// pass to be taken as a return address by a scan. Direct calls are 5 bytes (<c>e8 rel32</c>), indirect ones 2 to 7
/// (<c>ff /2</c> with a ModRM, SIB, displacement and prefixes).
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

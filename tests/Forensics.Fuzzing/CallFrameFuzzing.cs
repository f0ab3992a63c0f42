using System.Buffers.Binary;
using Forensics.Elf;
using Forensics.Symbols.CallFrames;
using Forensics.Symbols.ModuleFiles;

namespace Forensics.Fuzzing;

/// <summary>
/// The CFI reader on hostile sections: the first byte chooses 64-bit (bit 0) and <c>.debug_frame</c> (bit 1) rather
/// than <c>.eh_frame</c>, the rest is the section. It is indexed, and the rows of every FDE found are computed at
/// its start, its end and PCs taken from the input; malformed entries must become problems, never exceptions.
/// </summary>
internal static class CallFrameFuzzing
{
    public static void IndexAndRun(byte[] bytes)
    {
        if (bytes.Length < 2)
            return;
        var is64 = (bytes[0] & 1) != 0;
        var kind = (bytes[0] & 2) != 0 ? CallFrameSectionKind.DebugFrame : CallFrameSectionKind.EhFrame;
        var section = bytes[1..];
        var table = new ScannedFrameTable(new ByteArrayAddressSpace(section), kind, is64, 0, (ulong)section.Length, ReadCheckpoints.Unlimited);
        foreach (var pc in ProgramCounters(section))
        {
            if (table.Find(pc) is not { } fde)
                continue;
            foreach (var at in (ReadOnlySpan<ulong>)[fde.Begin, pc, fde.End - 1])
                CallFrameProgram.RowAt(fde, at, is64, out _);
        }
        _ = table.Problem;
    }

    /// <summary>Sixteen PCs read from the section itself (where pc_begin fields lie, a real section names its own ranges).</summary>
    private static IEnumerable<ulong> ProgramCounters(byte[] section)
    {
        for (var i = 0; i < 16; i++)
        {
            var at = (int)((long)section.Length * i / 16);
            if (at + 4 <= section.Length)
                yield return BinaryPrimitives.ReadUInt32LittleEndian(section.AsSpan(at, 4));
        }
    }
}

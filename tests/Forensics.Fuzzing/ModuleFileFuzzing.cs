using Forensics.Elf;
using Forensics.Symbols.ModuleFiles;

namespace Forensics.Fuzzing;

/// <summary>
/// A module file as the stack walk reads it (Forensics.Symbols): the project's section-header and symbol-table
/// readers, ELFSharp behind them with the symbol tables hidden, the build-id, <c>.gnu_debuglink</c> and
/// <c>.gnu_debugdata</c>; then the symbols of addresses taken from the input and the CFI tables of the file looked up
/// at them. A malformed file must become a problem or no file, never an exception.
/// </summary>
internal static class ModuleFileFuzzing
{
    public static void ReadAndLookUp(byte[] bytes)
    {
        if (ModuleFileReader.TryRead("fuzz.so", bytes, ReadCheckpoints.Unlimited, out _) is not { } file)
            return;
        foreach (var address in Addresses(bytes))
        {
            _ = file.Symbols.Find(address);
            _ = file.IsCode(address);
            foreach (var table in file.CallFrameTables(ReadCheckpoints.Unlimited))
            {
                _ = table.Find(address);
                _ = table.Problem;
            }
        }
    }

    /// <summary>Sixteen addresses read from the file itself (symbol values and entry points lie in it).</summary>
    private static IEnumerable<ulong> Addresses(byte[] bytes)
    {
        for (var i = 0; i < 16; i++)
        {
            var at = (int)((long)bytes.Length * i / 16);
            if (at + 4 <= bytes.Length)
                yield return BitConverter.ToUInt32(bytes, at);
        }
    }
}

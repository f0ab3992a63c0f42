namespace Forensics.Symbols.ModuleFiles;

/// <summary>
/// The CRC-32 of <c>.gnu_debuglink</c> (the IEEE 802.3 polynomial, reflected, as zlib's <c>crc32</c> and gdb's
/// <c>gnu_debuglink_crc32</c> compute it) over a whole debug file.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xffffffffu;
        foreach (var value in bytes)
            crc = Table[(crc ^ value) & 0xff] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var i = 0u; i < 256; i++)
        {
            var entry = i;
            for (var bit = 0; bit < 8; bit++)
                entry = (entry & 1) != 0 ? 0xedb88320u ^ (entry >> 1) : entry >> 1;
            table[i] = entry;
        }
        return table;
    }
}

using System.Buffers.Binary;
using System.Text;

namespace Forensics.Symbols.ModuleFiles;

/// <summary>
/// A <c>.gnu_debuglink</c> section: the file name of the separate debug file (NUL-terminated, padded to four bytes)
/// and the CRC-32 of that file's bytes (binutils' <c>bfd_create_gnu_debuglink_section</c>).
/// </summary>
internal sealed record DebugLink(string FileName, uint Crc)
{
    /// <summary>Longest name taken: a file name, not a path.</summary>
    private const int MaxNameBytes = 255;

    /// <summary>The link, or null with a problem when the section is malformed or names something other than a plain file name.</summary>
    public static DebugLink? TryRead(ReadOnlySpan<byte> section, bool littleEndian, out string? problem)
    {
        problem = null;
        var end = section[..Math.Min(section.Length, MaxNameBytes + 1)].IndexOf((byte)0);
        if (end <= 0)
        {
            problem = "the .gnu_debuglink name is empty or not terminated within [255] bytes";
            return null;
        }
        var crcOffset = (end + 4) & ~3;
        if (crcOffset + 4 > section.Length)
        {
            problem = $"the .gnu_debuglink section of [{section.Length}] bytes ends before its CRC at [0x{crcOffset:x}]";
            return null;
        }
        var name = Encoding.UTF8.GetString(section[..end]);
        if (name is "." or ".." || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
        {
            problem = $"the .gnu_debuglink name [{name}] is not a plain file name";
            return null;
        }
        var crcBytes = section.Slice(crcOffset, 4);
        var crc = littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(crcBytes) : BinaryPrimitives.ReadUInt32BigEndian(crcBytes);
        return new DebugLink(name, crc);
    }
}

namespace Forensics.Elf.Images;

/// <summary>
/// Follows the dynamic loader's r_debug.r_map list (glibc <c>link.h</c>: r_version int, then r_map; link_map
/// starts l_addr, l_name, l_ld, l_next, l_prev) through core memory, where the core holds it.
/// </summary>
public static class LinkMapReader
{
    public static IReadOnlyList<LinkMapEntry> Read(IAddressSpace memory, ulong debugAddress, bool is64, int maxEntries, int maxStringBytes)
    {
        var word = is64 ? 8 : 4;
        Span<byte> words = stackalloc byte[5 * 8];
        var entries = new List<LinkMapEntry>();
        if (memory.Read(debugAddress + (ulong)word, words[..word]) < word)
            return entries;
        var next = LittleEndian.Word(words, 0, is64);
        var seen = new HashSet<ulong>();
        while (next != 0 && entries.Count < maxEntries && seen.Add(next))
        {
            if (memory.Read(next, words[..(4 * word)]) < 4 * word)
                break;
            var bias = LittleEndian.Word(words, 0, is64);
            var nameAddress = LittleEndian.Word(words, word, is64);
            var dynamic = LittleEndian.Word(words, 2 * word, is64);
            var name = nameAddress == 0 ? null : ElfImageReader.ReadCString(memory, nameAddress, maxStringBytes);
            entries.Add(new LinkMapEntry(bias, name, dynamic, next));
            next = LittleEndian.Word(words, 3 * word, is64);
        }
        return entries;
    }
}

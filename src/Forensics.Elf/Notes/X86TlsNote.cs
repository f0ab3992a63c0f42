namespace Forensics.Elf.Notes;

/// <summary>NT_386_TLS: struct user_desc entries (16 bytes: entry_number, base_addr, limit, flags) of an i386 thread.</summary>
public static class X86TlsNote
{
    public static IReadOnlyList<(uint EntryNumber, uint BaseAddress)> Parse(ReadOnlySpan<byte> desc)
    {
        var entries = new List<(uint, uint)>(desc.Length / 16);
        for (var at = 0; at + 16 <= desc.Length; at += 16)
            entries.Add((LittleEndian.U32(desc, at), LittleEndian.U32(desc, at + 4)));
        return entries;
    }
}

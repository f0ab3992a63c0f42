namespace Forensics.Elf.Sources;

/// <summary>Bytes held in memory (small cores in tests, decompressed samples).</summary>
public sealed class MemoryByteSource(ReadOnlyMemory<byte> bytes) : IByteSource
{
    public long? Length => bytes.Length;

    public int Read(ulong offset, Span<byte> buffer)
    {
        if (offset >= (ulong)bytes.Length)
            return 0;
        var available = bytes.Span[(int)offset..];
        var count = Math.Min(available.Length, buffer.Length);
        available[..count].CopyTo(buffer);
        return count;
    }
}

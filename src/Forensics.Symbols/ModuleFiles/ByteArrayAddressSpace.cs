using Forensics.Elf;

namespace Forensics.Symbols.ModuleFiles;

/// <summary>Bytes addressed from 0: a section read whole (<c>.debug_frame</c>), where CIE pointers are offsets.</summary>
internal sealed class ByteArrayAddressSpace(byte[] bytes) : IAddressSpace
{
    public int Read(ulong address, Span<byte> buffer)
    {
        if (address >= (ulong)bytes.Length)
            return 0;
        var count = (int)Math.Min((ulong)buffer.Length, (ulong)bytes.Length - address);
        bytes.AsSpan((int)address, count).CopyTo(buffer);
        return count;
    }
}

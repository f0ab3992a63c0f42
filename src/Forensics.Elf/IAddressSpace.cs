namespace Forensics.Elf;

/// <summary>Reads at virtual addresses of a process image; returns how many bytes were available from the address on.</summary>
public interface IAddressSpace
{
    int Read(ulong address, Span<byte> buffer);
}

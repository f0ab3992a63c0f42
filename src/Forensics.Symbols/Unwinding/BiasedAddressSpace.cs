using Forensics.Elf;

namespace Forensics.Symbols.Unwinding;

/// <summary>A module's link-time addresses read from the process's memory: address + load bias.</summary>
internal sealed class BiasedAddressSpace(IAddressSpace memory, ulong bias) : IAddressSpace
{
    public int Read(ulong address, Span<byte> buffer) => memory.Read(address + bias, buffer);
}

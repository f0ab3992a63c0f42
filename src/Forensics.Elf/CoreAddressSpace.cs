using System.Runtime.InteropServices;

namespace Forensics.Elf;

/// <summary>
/// The virtual address space a core holds: PT_LOAD segments sorted by address, found by binary search.
/// Bytes past a segment's p_filesz are not in the file and read as unavailable, not as zeros.
/// </summary>
public sealed class CoreAddressSpace : IAddressSpace
{
    private readonly IByteSource _source;
    private readonly List<ProgramHeader> _loads;

    /// <param name="source">The core file's bytes.</param>
    /// <param name="loads">PT_LOAD headers sorted by virtual address.</param>
    public CoreAddressSpace(IByteSource source, List<ProgramHeader> loads)
    {
        _source = source;
        _loads = loads;
    }

    public int Read(ulong address, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var at = address + (ulong)total;
            if (at < address)
                break;
            var segment = Find(at);
            if (segment is not { } load)
                break;
            var inSegment = at - load.VirtualAddress;
            if (inSegment >= load.FileSize)
                break;
            var count = (int)Math.Min((ulong)(buffer.Length - total), load.FileSize - inSegment);
            var read = _source.Read(load.Offset + inSegment, buffer.Slice(total, count));
            total += read;
            if (read < count)
                break;
        }
        return total;
    }

    /// <summary>The segment that maps <paramref name="address"/>, whether or not its bytes are in the file.</summary>
    public ProgramHeader? Find(ulong address)
    {
        // By reference: a stack walk finds a segment for every word it reads, and the headers are 80-byte structs.
        var loads = CollectionsMarshal.AsSpan(_loads);
        int low = 0, high = loads.Length - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) >> 1);
            if (loads[mid].VirtualAddress <= address) low = mid + 1;
            else high = mid - 1;
        }
        // Overlapping segments (a malformed core) may hide the right one behind a later start; look back a little.
        for (var index = high; index >= 0 && index > high - 4; index--)
        {
            if (address < loads[index].MemoryEnd)
                return loads[index];
        }
        return null;
    }
}

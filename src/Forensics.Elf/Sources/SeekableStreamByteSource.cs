namespace Forensics.Elf.Sources;

/// <summary>
/// Random-access reads from a seekable stream (a file): nothing is read until asked. Small reads are served from a few
/// blocks kept from earlier reads: a stack walk reads a word or two per frame, thousands of frames close together, and
/// asking the file for each cost a system call per word.
/// </summary>
public sealed class SeekableStreamByteSource : IByteSource
{
    /// <summary>Bytes of one kept block; reads of a block or more go to the stream.</summary>
    private const int BlockSize = 1 << 14;

    /// <summary>Blocks kept: a walk reads the stack and, without module files, code pages of the core in turn.</summary>
    private const int BlockCount = 4;

    private readonly Stream _stream;
    private readonly Block[] _blocks = new Block[BlockCount];
    private int _nextVictim;

    public SeekableStreamByteSource(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
            throw new ArgumentException("The stream must be seekable.", nameof(stream));
        _stream = stream;
        Length = stream.Length;
    }

    public long? Length { get; }

    public int Read(ulong offset, Span<byte> buffer)
    {
        if (offset >= (ulong)Length!.Value)
            return 0;
        if (buffer.Length >= BlockSize)
            return ReadStream(offset, buffer);
        var start = offset - offset % BlockSize;
        if (offset + (ulong)buffer.Length > start + BlockSize)
            return ReadStream(offset, buffer);
        var block = Find(start) ?? Load(start);
        var inBlock = (int)(offset - start);
        var count = Math.Clamp(block.Length - inBlock, 0, buffer.Length);
        block.Bytes.AsSpan(inBlock, count).CopyTo(buffer);
        return count;
    }

    private Block? Find(ulong start)
    {
        foreach (var block in _blocks)
        {
            if (block is not null && block.Start == start)
                return block;
        }
        return null;
    }

    private Block Load(ulong start)
    {
        var block = _blocks[_nextVictim] ??= new Block { Bytes = new byte[BlockSize] };
        _nextVictim = (_nextVictim + 1) % BlockCount;
        block.Start = start;
        block.Length = ReadStream(start, block.Bytes);
        return block;
    }

    private int ReadStream(ulong offset, Span<byte> buffer)
    {
        _stream.Position = (long)offset;
        var total = 0;
        while (total < buffer.Length)
        {
            var read = _stream.Read(buffer[total..]);
            if (read == 0)
                break;
            total += read;
        }
        return total;
    }

    private sealed class Block
    {
        public required byte[] Bytes { get; init; }
        public ulong Start { get; set; }
        public int Length { get; set; }
    }
}

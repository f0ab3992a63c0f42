namespace Forensics.Elf.Sources;

/// <summary>Random-access reads from a seekable stream (a file): nothing is read until asked.</summary>
public sealed class SeekableStreamByteSource : IByteSource
{
    private readonly Stream _stream;

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
}

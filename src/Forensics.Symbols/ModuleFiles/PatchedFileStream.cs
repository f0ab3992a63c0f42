namespace Forensics.Symbols.ModuleFiles;

/// <summary>
/// A read-only, seekable view of a file's bytes in which a few 32-bit little-endian fields read as other values, the
/// bytes themselves untouched: how ELFSharp is handed a file with its symbol tables marked SHT_NOBITS, so that it does
/// not read them (it reads every symbol table whole when it loads a file, with no bound and no checkpoint).
/// </summary>
internal sealed class PatchedFileStream(byte[] bytes, IReadOnlyList<(int Offset, uint Value)> fields) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => bytes.LongLength;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= bytes.LongLength)
            return 0;
        var start = (int)_position;
        var count = Math.Min(buffer.Length, bytes.Length - start);
        bytes.AsSpan(start, count).CopyTo(buffer);
        foreach (var (offset, value) in fields)
        {
            for (var i = 0; i < 4; i++)
            {
                var at = offset + i - start;
                if (at >= 0 && at < count)
                    buffer[at] = (byte)(value >> (8 * i));
            }
        }
        _position += count;
        return count;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => bytes.LongLength + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

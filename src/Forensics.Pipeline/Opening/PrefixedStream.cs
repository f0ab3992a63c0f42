using Forensics.Importers.Detection;

namespace Forensics.Pipeline.Opening;

/// <summary>A forward-only stream that replays bytes already read for sniffing, then continues with the rest.</summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream rest) : ForwardOnlyReadStream
{
    private int _prefixPosition;
    private long _position;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        int read;
        if (_prefixPosition < prefixLength)
        {
            read = Math.Min(buffer.Length, prefixLength - _prefixPosition);
            prefix.AsSpan(_prefixPosition, read).CopyTo(buffer);
            _prefixPosition += read;
        }
        else
        {
            read = rest.Read(buffer);
        }
        _position += read;
        return read;
    }
}

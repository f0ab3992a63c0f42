using Forensics.Importers.Detection;

namespace Forensics.Importers.Containers.Apport;

/// <summary>Passes at most <paramref name="limit"/> bytes of <paramref name="inner"/> through, then ends and says so.</summary>
internal sealed class BoundedReadStream(Stream inner, long limit) : ForwardOnlyReadStream
{
    private long _read;

    /// <summary>How many bytes were passed through.</summary>
    public long BytesRead => _read;

    /// <summary>True when the inner stream had more than the limit.</summary>
    public bool Exceeded { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        if (_read >= limit)
        {
            Span<byte> probe = stackalloc byte[1];
            Exceeded |= !buffer.IsEmpty && inner.Read(probe) > 0;
            return 0;
        }
        var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, limit - _read)]);
        _read += read;
        return read;
    }
}

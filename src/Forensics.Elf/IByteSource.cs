namespace Forensics.Elf;

/// <summary>
/// Bytes read at a file offset: a file, a window of one, or a forward-only decompressed stream.
/// A read past the end returns fewer bytes; it never throws for an offset that is merely out of range.
/// </summary>
public interface IByteSource
{
    /// <summary>Total length in bytes, or null when not known in advance (a decompressing stream).</summary>
    long? Length { get; }

    /// <summary>Reads up to <paramref name="buffer"/>.Length bytes at <paramref name="offset"/>; returns the count read.</summary>
    int Read(ulong offset, Span<byte> buffer);
}

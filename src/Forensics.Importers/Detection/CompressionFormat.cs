namespace Forensics.Importers.Detection;

/// <summary>A compression recognised by its magic bytes.</summary>
public enum CompressionFormat
{
    None,
    Gzip,
    Xz,
    Zstd,
    Bzip2,
    /// <summary>The LZ4 frame format (<c>04 22 4d 18</c>), which systemd-coredump writes with Compress=lz4.</summary>
    Lz4,
    /// <summary>
    /// A zlib stream (RFC 1950), as older apport reports hold their core; never detected from an input's first bytes,
    /// where two bytes are too weak a mark.
    /// </summary>
    Zlib,
}

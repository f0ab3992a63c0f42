namespace Forensics.Importers.Detection;

/// <summary>A compression recognised by its magic bytes.</summary>
public enum CompressionFormat
{
    None,
    Gzip,
    Xz,
    Zstd,
    Bzip2,
}

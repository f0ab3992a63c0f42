using System.IO.Compression;
using Forensics.Importers.Detection;
using Forensics.Model;
using SharpCompress.Compressors.BZip2;

namespace Forensics.Importers.Tests.Detection;

/// <summary>
/// Compresses test data in memory with the .NET, ZstdSharp and SharpCompress compressors, and reads it back through
/// <see cref="DecompressionStream"/>.
/// </summary>
public static class Compressors
{
    public static byte[] Gzip(byte[] data) => Compress(data, s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true));

    public static byte[] Zstd(byte[] data, bool checksum = false) => Compress(data, s =>
    {
        var compressor = new ZstdSharp.CompressionStream(s, level: 3, leaveOpen: true);
        if (checksum)
            compressor.SetParameter(ZstdSharp.Unsafe.ZSTD_cParameter.ZSTD_c_checksumFlag, 1);
        return compressor;
    });

    public static byte[] Bzip2(byte[] data) => Compress(data, s => BZip2Stream.Create(
        s, SharpCompress.Compressors.CompressionMode.Compress, decompressConcatenated: false, leaveOpen: true,
        tolerateTruncatedStream: false));

    /// <summary>Everything <see cref="DecompressionStream"/> gives of <paramref name="compressed"/>, and what it reported.</summary>
    public static (byte[] Output, DiagnosticBag Diagnostics) Decompress(byte[] compressed, CompressionFormat format)
    {
        var diagnostics = new DiagnosticBag();
        using var input = new MemoryStream(compressed);
        using var stream = DecompressionStream.Open(input, format, diagnostics);
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return (output.ToArray(), diagnostics);
    }

    private static byte[] Compress(byte[] data, Func<Stream, Stream> open)
    {
        using var output = new MemoryStream();
        using (var compressor = open(output))
            compressor.Write(data);
        return output.ToArray();
    }
}

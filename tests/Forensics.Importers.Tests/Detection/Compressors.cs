using System.IO.Compression;
using SharpCompress.Compressors.BZip2;

namespace Forensics.Importers.Tests.Detection;

/// <summary>Compresses test data in memory with the .NET, ZstdSharp and SharpCompress compressors.</summary>
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

    private static byte[] Compress(byte[] data, Func<Stream, Stream> open)
    {
        using var output = new MemoryStream();
        using (var compressor = open(output))
            compressor.Write(data);
        return output.ToArray();
    }
}

using System.IO.Compression;
using SharpCompress.Compressors.BZip2;
using SharpCompress.Compressors.Xz;

namespace Forensics.TestSupport;

/// <summary>Opens test data, decompressing <c>.xz</c>, <c>.gz</c> and <c>.bz2</c> files into memory (test data are small).</summary>
public static class SampleFile
{
    /// <summary>
    /// The bytes of <paramref name="path"/>, decompressed. The corpus keeps its large text captures only as
    /// <c>NAME.xz</c>, so a plain name that is missing reads its compressed copy.
    /// </summary>
    public static byte[] ReadAllBytes(string path)
    {
        if (!File.Exists(path) && File.Exists(path + ".xz"))
            path += ".xz";
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".xz", StringComparison.Ordinal) ? new XZStream(file)
            : path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress)
            : path.EndsWith(".bz2", StringComparison.Ordinal) ? BZip2Stream.Create(
                file, SharpCompress.Compressors.CompressionMode.Decompress, decompressConcatenated: true, leaveOpen: false, tolerateTruncatedStream: false)
            : file;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    public static string ReadAllText(string path) => System.Text.Encoding.UTF8.GetString(ReadAllBytes(path));
}

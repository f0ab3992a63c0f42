using System.IO.Compression;
using SharpCompress.Compressors.Xz;

namespace Forensics.TestSupport;

/// <summary>Opens test data, decompressing <c>.xz</c> and <c>.gz</c> files into memory (test data are small).</summary>
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
            : file;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    public static string ReadAllText(string path) => System.Text.Encoding.UTF8.GetString(ReadAllBytes(path));
}

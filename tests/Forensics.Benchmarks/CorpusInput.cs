using Forensics.Importers.Detection;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Benchmarks;

/// <summary>Reads the compressed benchmark inputs of the corpus into memory, once, at setup.</summary>
public static class CorpusInput
{
    public static byte[] ReadXz(params string[] parts)
    {
        var path = TestPaths.CorpusFile(parts);
        using var compressed = File.OpenRead(path);
        var diagnostics = new DiagnosticBag();
        using var decompressed = DecompressionStream.Open(compressed, CompressionFormat.Xz, diagnostics);
        using var buffer = new MemoryStream();
        decompressed.CopyTo(buffer);
        if (diagnostics.Count != 0 || decompressed.Failed)
            throw new InvalidDataException($"[{path}] did not decompress cleanly: {diagnostics.Items[0].Message}");
        return buffer.ToArray();
    }

    /// <summary>The corpus text captures are ASCII, so a byte is a character and MB/s is the same in either.</summary>
    public static string ReadXzText(params string[] parts) => System.Text.Encoding.ASCII.GetString(ReadXz(parts));
}

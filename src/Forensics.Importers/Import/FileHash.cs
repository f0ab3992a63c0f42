using System.Buffers;
using System.Security.Cryptography;
using Forensics.Elf;

namespace Forensics.Importers.Import;

/// <summary>The SHA-256 of an input as stored, read in pooled chunks; a read budget running on the thread is checked after each.</summary>
public static class FileHash
{
    private const int Chunk = 1 << 16;

    /// <summary>SHA-256 and size of the file as stored (compressed bytes for a compressed file).</summary>
    public static (string Sha256, long Bytes) Sha256(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            // The bytes read, not the length: /proc files report a length of 0.
            long total = 0;
            int read;
            while ((read = file.Read(chunk, 0, Chunk)) > 0)
            {
                sha256.AppendData(chunk, 0, read);
                total += read;
                ReadBudget.CheckAtOffset((ulong)total);
            }
            return (Convert.ToHexStringLower(sha256.GetHashAndReset()), total);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}

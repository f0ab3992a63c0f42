using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Forensics.Importers.Budget;
using Forensics.Pipeline.Listing;

namespace Forensics.Pipeline.Importing;

/// <summary>
/// The SHA-256 of an input as stored and what its metadata said before hashing, so that
/// <see cref="InputImporter.ImportInput"/> can take a hash made earlier (to look up a kept result) instead of reading
/// the file twice, and still tell whether it changed while read.
/// </summary>
public sealed record FileHash(string Sha256, long Bytes)
{
    private const int Chunk = 1 << 16;

    internal FileSnapshot Before { get; private init; }

    /// <summary>Hashes the file now; I/O errors are thrown to the caller.</summary>
    public static FileHash Of(string path)
    {
        var before = FileSnapshot.Of(path);
        var (sha256, bytes) = Sha256Of(path);
        return new FileHash(sha256, bytes) { Before = before };
    }

    /// <summary>
    /// A file's SHA-256; for an ABRT problem directory, the SHA-256 of its items in name order, each as its name, a
    /// zero byte and its content (a link as its target, a subfolder as nothing), so that changing any item changes it.
    /// </summary>
    private static (string Sha256, long Bytes) Sha256Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long total = 0;
        if (!Directory.Exists(path))
            total = Append(sha256, path, total);
        else
        {
            foreach (var item in ProblemDirectory.Items(path).Items)
            {
                sha256.AppendData(Encoding.UTF8.GetBytes(item.Name + "\0"));
                if (item.LinkTarget is { } target)
                    sha256.AppendData(Encoding.UTF8.GetBytes(target));
                else if (item is FileInfo { Length: > 0 })
                    total = Append(sha256, item.FullName, total);
            }
        }
        return (Convert.ToHexStringLower(sha256.GetHashAndReset()), total);
    }

    /// <summary>Read in pooled chunks; a read budget running on the thread is checked after each.</summary>
    private static long Append(IncrementalHash sha256, string path, long total)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        var chunk = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            // The bytes read, not the length: /proc files report a length of 0.
            int read;
            while ((read = file.Read(chunk, 0, Chunk)) > 0)
            {
                sha256.AppendData(chunk, 0, read);
                total += read;
                ReadBudget.CheckAtOffset((ulong)total);
            }
            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}

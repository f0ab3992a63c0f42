using System.Buffers;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Forensics.Pipeline.Listing;
using Microsoft.Win32.SafeHandles;

namespace Forensics.Pipeline.Importing;

/// <summary>
/// The SHA-256 of an input as stored, what its metadata said before hashing (so that <see cref="InputImporter"/> can
/// tell whether it changed while read) and how long hashing took.
/// </summary>
/// <remarks>
/// Hashing is never under an input's read budget: it runs beside the import, and a core with a 64 GiB sparse segment
/// must not fail its time limit for the hash. Holes are not read (<see cref="FileExtents"/>) but still hashed, as
/// zeros: SHA-256 has no shortcut for them, so a 64 GiB hole costs what hashing 64 GiB of memory costs (about 30 s
/// with the SHA instructions), and users who hash evidence separately give <c>--hash none</c>.
/// </remarks>
public sealed record FileHash(string Sha256, long Bytes)
{
    private const int Chunk = 1 << 20;

    /// <summary>Zeros fed to the hash for a hole, one chunk at a time.</summary>
    private static readonly byte[] Zeros = new byte[Chunk];

    internal FileSnapshot Before { get; init; }

    /// <summary>Wall-clock time the hash took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Hashes the file now; I/O errors are thrown to the caller.</summary>
    public static FileHash Of(string path) => Of(path, FileSnapshot.Of(path));

    /// <summary>
    /// Hashes the file now, whose metadata were <paramref name="before"/> just before. An ABRT problem directory hashes
    /// as its items in name order, each as its name, a zero byte and its content (a link as its target, a subfolder as
    /// nothing), so that changing any item changes it.
    /// </summary>
    internal static FileHash Of(string path, FileSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(path);
        var started = Stopwatch.GetTimestamp();
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            long total = 0;
            if (!Directory.Exists(path))
                total = Append(sha256, chunk, path);
            else
            {
                foreach (var item in ProblemDirectory.Items(path).Items)
                {
                    sha256.AppendData(Encoding.UTF8.GetBytes(item.Name + "\0"));
                    if (item.LinkTarget is { } target)
                        sha256.AppendData(Encoding.UTF8.GetBytes(target));
                    else if (item is FileInfo { Length: > 0 })
                        total += Append(sha256, chunk, item.FullName);
                }
            }
            return new FileHash(Convert.ToHexStringLower(sha256.GetHashAndReset()), total)
            {
                Before = before, Elapsed = Stopwatch.GetElapsedTime(started),
            };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>One file's bytes, data read and holes hashed as zeros; returns how many there were.</summary>
    private static long Append(IncrementalHash sha256, byte[] chunk, string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var position = HashExtents(handle, sha256, chunk);
        // The bytes read, not the length: /proc files report a length of 0, and a file may grow while hashed.
        return position + HashRange(handle, sha256, chunk, position, long.MaxValue);
    }

    /// <summary>The file up to its length as it is now, data read and holes hashed as zeros; returns where it stopped.</summary>
    private static long HashExtents(SafeFileHandle handle, IncrementalHash sha256, byte[] chunk)
    {
        var length = RandomAccess.GetLength(handle);
        long position = 0;
        while (position < length)
        {
            if (FileExtents.NextData(handle, position, length) is not { } data || FileExtents.NextHole(handle, data, length) is not { } hole)
                return position;
            for (var zeros = data - position; zeros > 0; zeros -= Chunk)
                sha256.AppendData(Zeros, 0, (int)Math.Min(zeros, Chunk));
            var read = HashRange(handle, sha256, chunk, data, hole - data);
            position = data + read;
            if (read < hole - data)
                return position;
        }
        return position;
    }

    /// <summary>Hashes up to <paramref name="count"/> bytes from <paramref name="offset"/>; returns how many there were.</summary>
    private static long HashRange(SafeFileHandle handle, IncrementalHash sha256, byte[] chunk, long offset, long count)
    {
        long total = 0;
        while (total < count)
        {
            var read = RandomAccess.Read(handle, chunk.AsSpan(0, (int)Math.Min(Chunk, count - total)), offset + total);
            if (read == 0)
                break;
            sha256.AppendData(chunk, 0, read);
            total += read;
        }
        return total;
    }
}

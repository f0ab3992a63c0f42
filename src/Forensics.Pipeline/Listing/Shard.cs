using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Forensics.Pipeline.Listing;

/// <summary>
/// The K-th of N slices of a run's inputs (<c>--shard K/N</c>): an input belongs to the slice given by the SHA-256 of
/// its display path, so every copy of the command that lists the same roots takes a disjoint slice, together all of
/// them, whatever machine, file system order or time they run at.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    /// <summary>The whole run: one slice of one.</summary>
    public static Shard All { get; } = new(1, 1);

    /// <summary>Parses <c>K/N</c> with 1 ≤ K ≤ N; false for anything else.</summary>
    public static bool TryParse(string? text, out Shard shard)
    {
        shard = All;
        var slash = text?.IndexOf('/') ?? -1;
        if (slash < 0
            || !int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1 || index < 1 || index > count)
            return false;
        shard = new Shard(index, count);
        return true;
    }

    /// <summary>Whether the input shown as <paramref name="displayPath"/> is in this slice.</summary>
    public bool Includes(string displayPath)
    {
        ArgumentNullException.ThrowIfNull(displayPath);
        if (Count == 1)
            return true;
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(displayPath), hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)Count == (ulong)(Index - 1);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}

using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Forensics.Importers.Containers.Systemd;
using Forensics.Pipeline.Opening;

namespace Forensics.Pipeline.Importing;

/// <summary>
/// Which file an input is and which version of it, from <c>statx(2)</c>: device, inode, size, modification and
/// change times, and the <c>user.coredump.*</c> extended attributes whose values become facts. Every write moves the change time, which no user can set back, so an unchanged identity is an
/// unchanged content without reading it: the cache key of a kept result (make and git decide the same way).
/// </summary>
internal static partial class FileIdentity
{
    // struct statx (linux/stat.h): the same layout on every architecture, in the machine's byte order.
    private const int Size = 256;
    private const int InodeOffset = 32;
    private const int SizeOffset = 40;
    private const int ChangeTimeOffset = 96;
    private const int ModificationTimeOffset = 112;
    private const int DeviceMajorOffset = 136;
    private const int DeviceMinorOffset = 140;
    private const int ModeOffset = 28;
    private const int FileTypeMask = 0xf000;
    private const int DirectoryType = 0x4000;
    private const int CurrentDirectory = -100;
    private const uint BasicStats = 0x7ff;

    /// <summary>The identity of the file behind <paramref name="path"/> as one line of text; null when the system cannot say.</summary>
    public static string? Of(string path)
    {
        Span<byte> status = stackalloc byte[Size];
        if (!TryStat(path, status))
            return null;
        return string.Create(CultureInfo.InvariantCulture,
            $"dev {Read32(status, DeviceMajorOffset)}:{Read32(status, DeviceMinorOffset)} inode {Read64(status, InodeOffset)} size {Read64(status, SizeOffset)} mtime {Time(status, ModificationTimeOffset)} ctime {Time(status, ChangeTimeOffset)}")
            + CoredumpAttributesPart(path);
    }

    /// <summary>
    /// The <c>user.coredump.*</c> attributes the import reads into facts, as the SHA-256 of their names and values
    /// (read bounded, as the import reads them): a result stays keyed to them even where setting an attribute does
    /// not move the change time, or moves it within the file system's time granularity. Empty when there are none.
    /// </summary>
    private static string CoredumpAttributesPart(string path)
    {
        var attributes = ExtendedAttributes.Read(path, CoredumpAttributes.Prefix);
        if (attributes.Count == 0)
            return "";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var (name, value) in attributes.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\0"));
            // Length-prefixed; a value over the bound is read as null (length -1): its absence is what the import saw.
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, value?.Length ?? -1);
            hash.AppendData(length);
            hash.AppendData(value ?? []);
        }
        return " xattrs " + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// The identity of an ABRT problem directory, whose own times do not follow its items' content: each item's name
    /// and identity in name order (a link by its target, a subfolder by its name alone); null when an item has none.
    /// </summary>
    public static string? OfProblemDirectory(string path)
    {
        var identity = new StringBuilder();
        foreach (var item in Listing.ProblemDirectory.Items(path).Items)
        {
            identity.Append(item.Name).Append('\0');
            if (item.LinkTarget is { } target)
                identity.Append("link ").Append(target);
            else if (item is FileInfo)
            {
                if (Of(item.FullName) is not { } file)
                    return null;
                identity.Append(file);
            }
            identity.Append('\n');
        }
        return identity.ToString();
    }

    /// <summary>
    /// The length and last write of the file behind <paramref name="path"/>, and whether it is a directory; null when
    /// the system cannot say (a missing file, a C library without statx).
    /// </summary>
    public static (long Length, DateTime LastWriteUtc, bool IsDirectory)? Status(string path)
    {
        Span<byte> status = stackalloc byte[Size];
        if (!TryStat(path, status))
            return null;
        var lastWrite = DateTime.UnixEpoch.AddTicks(MemoryMarshal.Read<long>(status[ModificationTimeOffset..]) * TimeSpan.TicksPerSecond
            + Read32(status, ModificationTimeOffset + 8) / 100);
        return ((long)Read64(status, SizeOffset), lastWrite, (MemoryMarshal.Read<ushort>(status[ModeOffset..]) & FileTypeMask) == DirectoryType);
    }

    /// <summary>
    /// statx(2) of the file behind <paramref name="path"/>, through symbolic links, without opening it (an input is
    /// looked at several times: opening it each time cost an open, two flocks and a close); false when it cannot.
    /// </summary>
    private static bool TryStat(string path, Span<byte> status)
    {
        try
        {
            return StatX(CurrentDirectory, path, 0, BasicStats, status) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false; // a C library older than glibc 2.28
        }
    }

    private static string Time(ReadOnlySpan<byte> status, int offset) =>
        string.Create(CultureInfo.InvariantCulture, $"{MemoryMarshal.Read<long>(status[offset..])}.{Read32(status, offset + 8):D9}");

    private static ulong Read64(ReadOnlySpan<byte> status, int offset) => MemoryMarshal.Read<ulong>(status[offset..]);

    private static uint Read32(ReadOnlySpan<byte> status, int offset) => MemoryMarshal.Read<uint>(status[offset..]);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatX(int directory, string path, int flags, uint mask, Span<byte> status);
}

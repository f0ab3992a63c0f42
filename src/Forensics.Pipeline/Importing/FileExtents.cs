using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Forensics.Pipeline.Importing;

/// <summary>
/// Where a file holds data and where it holds holes, by <c>lseek(SEEK_DATA)</c> and <c>lseek(SEEK_HOLE)</c> (Linux
/// 3.1+): a sparse core's unwritten segments read as zeros without being read from disk.
/// </summary>
internal static partial class FileExtents
{
    // lseek(2): Linux's values of the whences, and the errno of an offset past the last data.
    private const int SeekData = 3;
    private const int SeekHole = 4;
    private const int NoSuchDeviceOrAddress = 6;

    /// <summary>
    /// The first offset at or after <paramref name="offset"/> that holds data; <paramref name="length"/> when only a hole
    /// follows; null when the file system cannot say (then every byte is data).
    /// </summary>
    public static long? NextData(SafeFileHandle handle, long offset, long length) => Seek(handle, offset, SeekData, length);

    /// <summary>The first hole at or after <paramref name="offset"/> (the end of the file counts as one); null when unknown.</summary>
    public static long? NextHole(SafeFileHandle handle, long offset, long length) => Seek(handle, offset, SeekHole, length);

    private static long? Seek(SafeFileHandle handle, long offset, int whence, long length)
    {
        var found = LongSeek((int)handle.DangerousGetHandle(), offset, whence);
        if (found >= 0)
            return Math.Min(found, length);
        return Marshal.GetLastPInvokeError() == NoSuchDeviceOrAddress ? length : null;
    }

    [LibraryImport("libc", EntryPoint = "lseek", SetLastError = true)]
    private static partial long LongSeek(int descriptor, long offset, int whence);
}

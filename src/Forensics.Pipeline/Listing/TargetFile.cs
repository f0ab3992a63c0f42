using Forensics.Pipeline.Importing;

namespace Forensics.Pipeline.Listing;

/// <summary>The file a path names once every symbolic link on it is followed: what opening it would open.</summary>
internal static class TargetFile
{
    /// <summary>
    /// The length of the final target; 0 for an empty file and for a FIFO, socket or device, which .NET cannot tell
    /// apart from a regular file and whose opening could block or never end. A link's own length is never taken.
    /// </summary>
    public static long Length(string path)
    {
        // statx follows the links in one call; FileInfo takes an lstat, a readlink and a stat.
        if (FileIdentity.Status(path) is (var length, _, var isDirectory))
            return isDirectory ? 0 : length;
        var info = new FileInfo(path);
        var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
        return target is { Exists: true } ? target.Length : 0;
    }

    /// <summary>
    /// A length of 0 outside /proc and /sys (whose files report 0 whatever they hold): an empty file, or a FIFO,
    /// socket or device; none of them is read.
    /// </summary>
    public static bool LooksEmpty(string path)
    {
        var full = Path.GetFullPath(path);
        if (full.StartsWith("/proc/", StringComparison.Ordinal) || full.StartsWith("/sys/", StringComparison.Ordinal))
            return false;
        if (FileIdentity.Status(full) is (var length, _, var isDirectory))
            return !isDirectory && length == 0;
        return File.Exists(full) && Length(full) == 0;
    }
}

using System.Runtime.InteropServices;
using System.Text;

namespace Forensics.Pipeline.Opening;

/// <summary>
/// A file's extended attributes under one prefix, through libc's listxattr(2) and getxattr(2), bounded: the name list at
/// XATTR_LIST_MAX (64 KiB) and each value at <see cref="MaxValueBytes"/>. A file system without them, or any error,
/// gives none: they are a bonus beside the content, never a reason to fail an input.
/// </summary>
internal static partial class ExtendedAttributes
{
    /// <summary>The longest value read; systemd-coredump's are a number or a name (a path at most PATH_MAX).</summary>
    public const int MaxValueBytes = 4096;

    /// <summary>XATTR_LIST_MAX of linux/limits.h.</summary>
    private const int MaxListBytes = 65536;

    /// <summary>
    /// The attributes of <paramref name="path"/> (through links) whose names start with <paramref name="prefix"/>, in
    /// the order the file system lists them; a value longer than <see cref="MaxValueBytes"/> is null.
    /// </summary>
    public static List<(string Name, byte[]? Value)> Read(string path, string prefix)
    {
        var found = new List<(string, byte[]?)>();
        if (!OperatingSystem.IsLinux())
            return found;
        // A size of 0 asks for the length only: most files have no attributes, and a core read under a tight
        // allocation budget must not pay for a buffer it does not need.
        var needed = (long)ListAttributes(path, null, 0);
        if (needed is <= 0 or > MaxListBytes)
            return found;
        var names = new byte[needed];
        var length = (long)ListAttributes(path, names, (nuint)names.Length);
        if (length <= 0)
            return found;
        foreach (var name in Encoding.UTF8.GetString(names, 0, (int)Math.Min(length, names.Length)).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var size = (long)GetAttribute(path, name, null, 0);
            if (size is < 0 or > MaxValueBytes)
            {
                found.Add((name, null));
                continue;
            }
            var value = new byte[size];
            size = (long)GetAttribute(path, name, value, (nuint)value.Length);
            // ERANGE (-1) when the value grew between the two calls.
            found.Add((name, size >= 0 ? value[..(int)size] : null));
        }
        return found;
    }

    [LibraryImport("libc", EntryPoint = "listxattr", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial nint ListAttributes(string path, [Out] byte[]? list, nuint size);

    [LibraryImport("libc", EntryPoint = "getxattr", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial nint GetAttribute(string path, string name, [Out] byte[]? value, nuint size);
}

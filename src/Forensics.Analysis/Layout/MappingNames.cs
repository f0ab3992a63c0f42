using Forensics.Model;

namespace Forensics.Analysis.Layout;

/// <summary>
/// Name tests the rules need on top of the kind normalisation gives a region: which shmem names the kernel
/// always shows as deleted, and which are memfd.
/// </summary>
internal static class MappingNames
{
    /// <summary><c>/memfd:NAME</c> in maps, <c>memfd:NAME</c> where pmap kept only the basename.</summary>
    public static bool IsMemfd(string name) =>
        name.StartsWith("/memfd:", StringComparison.Ordinal) || name.StartsWith("memfd:", StringComparison.Ordinal);

    public static bool IsDevShm(string name) => name.StartsWith("/dev/shm/", StringComparison.Ordinal);

    /// <summary>
    /// shmem objects the kernel always prints with <c> (deleted)</c> (docs/formats.md#maps-names): memfd, System V segments
    /// (<c>/SYSV%08x</c>) and shared anonymous memory (<c>/dev/zero</c>). Default pmap keeps only the basename
    /// (<c>zero</c>) of the last.
    /// </summary>
    public static bool IsAlwaysDeletedShm(string name, bool nameIsBasename) =>
        IsMemfd(name)
        || name.StartsWith("/SYSV", StringComparison.Ordinal)
        || name == "/dev/zero"
        || (nameIsBasename && (name == "zero" || name.StartsWith("SYSV", StringComparison.Ordinal)));

    public static bool IsStack(RegionKind kind) =>
        kind is RegionKind.Stack or RegionKind.ThreadStack;

    public static string Basename(string name)
    {
        if (name.Length > 0 && name[0] == '[')
            return name;
        var slash = name.LastIndexOf('/');
        return slash < 0 || slash == name.Length - 1 ? name : name[(slash + 1)..];
    }
}

using Forensics.Model;

namespace Forensics.Analysis.Layout;

/// <summary>
/// The kind of a region for the analysis rules: the kind normalisation gave it, or, for a region it left
/// <see cref="RegionKind.Unknown"/>, a kind read from the name and permissions alone.
/// </summary>
internal static class RegionClassifier
{
    public static RegionKind KindOf(Region region)
    {
        if (region.Kind != RegionKind.Unknown)
            return region.Kind;
        var name = region.Name;
        if (name is null || name.StartsWith("[anon:", StringComparison.Ordinal))
        {
            if (region.Permissions.IsNone)
                return RegionKind.Guard;
            return region.Permissions.CanExecute == true ? RegionKind.AnonExec : RegionKind.Anon;
        }
        return name switch
        {
            "[heap]" => RegionKind.Heap,
            "[stack]" => RegionKind.Stack,
            "[vdso]" => RegionKind.Vdso,
            "[vvar]" or "[vvar_vclock]" => RegionKind.Vvar,
            "[vsyscall]" => RegionKind.Vsyscall,
            _ when name.StartsWith("[stack:", StringComparison.Ordinal) => RegionKind.ThreadStack,
            _ when IsSharedMemoryName(name) => RegionKind.Shm,
            _ => RegionKind.Unknown,
        };
    }

    public static bool IsStack(RegionKind kind) => kind is RegionKind.Stack or RegionKind.ThreadStack;

    /// <summary>
    /// shmem names as the kernel prints them (FORMATS §1.2): <c>/memfd:NAME</c>, <c>/SYSV%08x</c>,
    /// <c>/dev/zero</c> for shared anonymous memory, and files under <c>/dev/shm</c>.
    /// </summary>
    public static bool IsSharedMemoryName(string name) =>
        IsMemfdName(name)
        || name.StartsWith("/SYSV", StringComparison.Ordinal)
        || name.StartsWith("/dev/shm/", StringComparison.Ordinal)
        || name == "/dev/zero"
        || name.StartsWith("[ shmid=", StringComparison.Ordinal);

    /// <summary><c>/memfd:NAME</c> in maps, <c>memfd:NAME</c> where pmap kept only the basename.</summary>
    public static bool IsMemfdName(string name) =>
        name.StartsWith("/memfd:", StringComparison.Ordinal) || name.StartsWith("memfd:", StringComparison.Ordinal);
}

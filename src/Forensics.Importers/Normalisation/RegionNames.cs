using Forensics.Model;

namespace Forensics.Importers.Normalisation;

/// <summary>What a region's name says: kernel pseudo-names, shared memory, shared-object names.</summary>
internal static class RegionNames
{
    /// <summary>The x86_64 vsyscall gate page is at a fixed address (arch/x86/include/asm/vsyscall.h, VSYSCALL_ADDR).</summary>
    public const ulong VsyscallAddress = 0xffffffffff600000;

    /// <summary>The text inside a kernel pseudo-name with the brackets and pmap's inner spaces removed (<c>[ stack ]</c> → <c>stack</c>).</summary>
    public static ReadOnlySpan<char> BracketContent(string name) => name.AsSpan(1, name.Length - 2).Trim(' ');

    public static bool IsBracketed(string? name) => name is { Length: > 1 } && name[0] == '[' && name[^1] == ']';

    /// <summary>The part after the last <c>/</c>, or the whole name when the source gave only a basename.</summary>
    public static string Basename(string name)
    {
        var slash = name.LastIndexOf('/');
        return slash < 0 || slash == name.Length - 1 ? name : name[(slash + 1)..];
    }

    /// <summary>
    /// Shared memory by name: SysV (<c>/SYSV0000abcd</c>, pmap's <c>[ shmid=0x4 ]</c>), POSIX (<c>/dev/shm/…</c>),
    /// <c>memfd:</c> and the shmem file behind MAP_SHARED|MAP_ANONYMOUS (<c>/dev/zero (deleted)</c>, pmap: <c>zero (deleted)</c>).
    /// </summary>
    public static bool IsSharedMemory(Region region)
    {
        var name = region.Name;
        if (name is null)
            return false;
        if (IsBracketed(name))
        {
            var content = BracketContent(name);
            return content.StartsWith("shmid=", StringComparison.Ordinal)
                || content.StartsWith("anon_shmem:", StringComparison.Ordinal);
        }
        if (name.StartsWith("/dev/shm/", StringComparison.Ordinal))
            return true;
        var basename = Basename(name);
        if (basename.StartsWith("memfd:", StringComparison.Ordinal))
            return true;
        if (basename.StartsWith("SYSV", StringComparison.Ordinal) && (region.Deleted || name.StartsWith("/SYSV", StringComparison.Ordinal)))
            return true;
        if (region.Deleted && (name == "/dev/zero" || (region.NameIsBasename && name == "zero")))
            return true;
        return false;
    }

    /// <summary>Named like a shared object: <c>libc.so.6</c>, <c>ld-2.3.2.so</c>, <c>linux-vdso.so.1</c>.</summary>
    public static bool IsSharedObjectName(string basename)
    {
        for (var at = basename.IndexOf(".so", StringComparison.Ordinal); at >= 0; at = basename.IndexOf(".so", at + 3, StringComparison.Ordinal))
        {
            var after = at + 3;
            if (after == basename.Length || basename[after] == '.')
                return true;
        }
        return false;
    }

    /// <summary>A file name (not a kernel pseudo-name, not unnamed).</summary>
    public static bool IsPath(Region region) => region.Name is { Length: > 0 } && !IsBracketed(region.Name);
}

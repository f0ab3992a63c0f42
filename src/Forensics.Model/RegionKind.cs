namespace Forensics.Model;

/// <summary>What a region is, in the classic layout: image parts, heap, stacks, kernel pages, other memory.</summary>
public enum RegionKind
{
    Unknown,
    /// <summary>Executable part of an image.</summary>
    Text,
    /// <summary>Read-only part of an image, including its headers.</summary>
    Rodata,
    /// <summary>Read-only after relocation: the read-only mapping sharing its file offset with the data that follows.</summary>
    Relro,
    /// <summary>Writable file-backed part of an image.</summary>
    Data,
    /// <summary>Anonymous writable region directly after an image's data.</summary>
    Bss,
    /// <summary>A <c>---p</c> hole inside or between an image's mappings.</summary>
    Gap,
    Heap,
    /// <summary>The main thread's stack.</summary>
    Stack,
    ThreadStack,
    Vdso,
    Vvar,
    Vsyscall,
    Anon,
    /// <summary>Anonymous executable memory: JIT code or injected code.</summary>
    AnonExec,
    /// <summary>A mapped file that is not an ELF image.</summary>
    File,
    /// <summary>System V shared memory, <c>/dev/shm</c>, <c>memfd:</c>, shared anonymous memory.</summary>
    Shm,
    /// <summary>Other <c>---p</c> regions.</summary>
    Guard,
}

public static class RegionKindText
{
    private static readonly string[] Ids =
    [
        "unknown", "text", "rodata", "relro", "data", "bss", "gap", "heap", "stack", "thread-stack",
        "vdso", "vvar", "vsyscall", "anon", "anon-exec", "file", "shm", "guard",
    ];

    /// <summary>The id used in reports (<c>thread-stack</c>, <c>anon-exec</c>, ...).</summary>
    public static string ToId(this RegionKind kind) => Ids[(int)kind];

    public static bool TryParse(string id, out RegionKind kind)
    {
        var index = Array.IndexOf(Ids, id);
        kind = index < 0 ? RegionKind.Unknown : (RegionKind)index;
        return index >= 0;
    }

    /// <summary>Kinds that are part of an ELF image's layout.</summary>
    public static bool IsImagePart(this RegionKind kind) =>
        kind is RegionKind.Text or RegionKind.Rodata or RegionKind.Relro or RegionKind.Data or RegionKind.Bss or RegionKind.Gap;
}

using Forensics.Elf;
using Forensics.Symbols.ModuleFiles;

namespace Forensics.Symbols.Unwinding;

/// <summary>
/// The vDSO as the core holds it. The kernel maps the whole shared object, section headers, <c>.dynsym</c> and
/// <c>.eh_frame</c> included, and dumps it, so its bytes in the core are its file: frames in it are named
/// (<c>__kernel_vsyscall</c>, <c>__vdso_clock_gettime</c>) as gdb and eu-stack name them, with no file on disk.
/// </summary>
internal static class VdsoImage
{
    /// <summary>More than any vDSO needs (x86_64: 8 KiB, i386: 4 KiB); a larger image in a core is not read.</summary>
    private const ulong MaxBytes = 64 << 10;

    private const ulong PageSize = 4096;

    public static ModuleFile? Read(IAddressSpace memory, ulong start, ulong end, IReadCheckpoint checkpoint)
    {
        // The image ends where its PT_LOAD does, before the section headers; the kernel maps whole pages of the file.
        var size = (end - start + PageSize - 1) & ~(PageSize - 1);
        if (end <= start || size > MaxBytes)
            return null;
        var bytes = new byte[size];
        if (memory.Read(start, bytes) < bytes.Length)
            return null;
        // A vDSO that does not read as ELF leaves its frames named by module+offset, as before; its CFI is still read
        // from memory through PT_GNU_EH_FRAME.
        return ModuleFileReader.TryRead("[vdso]", bytes, checkpoint, out _) is { HasCode: true } file ? file : null;
    }
}

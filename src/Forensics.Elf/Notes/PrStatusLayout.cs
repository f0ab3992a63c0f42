namespace Forensics.Elf.Notes;

/// <summary>Which <c>struct elf_prstatus</c> a core's NT_PRSTATUS notes hold (docs/formats.md#nt_prstatus).</summary>
public enum PrStatusLayout
{
    /// <summary>ELFCLASS32 with EM_386: 32-bit fields and 17 32-bit registers.</summary>
    I386,
    /// <summary>ELFCLASS64 with EM_X86_64: 64-bit fields and 27 64-bit registers.</summary>
    X86_64,
    /// <summary>
    /// ELFCLASS32 with EM_X86_64 (the x32 ABI): the kernel's compat_elf_prstatus, whose fields are the i386 ones but
    /// whose pr_reg is the full x86_64 user_regs_struct (arch/x86/include/asm/compat.h, PRSTATUS_SIZE 296).
    /// </summary>
    X32,
}

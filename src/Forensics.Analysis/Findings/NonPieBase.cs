using Forensics.Model;

namespace Forensics.Analysis.Findings;

/// <summary>Where only a non-PIE executable is ever loaded: the fixed link bases, and addresses below where the kernel places a PIE.</summary>
internal static class NonPieBase
{
    /// <summary>Why a main executable at <paramref name="moduleBase"/> is not position independent; null when the base does not tell.</summary>
    public static string? Reason(ulong moduleBase, Architecture architecture) => moduleBase switch
    {
        0x400000 => "the fixed link base 0x400000 of x86_64 non-PIE executables",
        0x8048000 => "the fixed link base 0x8048000 of i386 non-PIE executables",
        < 0x1_0000_0000 when architecture == Architecture.X86_64 =>
            "below 4 GiB, where the x86_64 kernel never places a PIE (ELF_ET_DYN_BASE is two thirds of the address space)",
        < 0x1000_0000 when architecture == Architecture.X86 =>
            "below 0x10000000, where the i386 kernel never places a PIE (ELF_ET_DYN_BASE is 0x56555000 and up)",
        _ => null,
    };
}

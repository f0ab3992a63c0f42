namespace Forensics.Elf.Notes;

/// <summary>Note types and their names (linux include/uapi/linux/elf.h, docs/formats.md#note-type-numbers).</summary>
public static class NoteTypes
{
    public const uint PrStatus = 1, FpRegisters = 2, PrPsInfo = 3, Auxv = 6;
    public const uint SigInfo = 0x53494749, File = 0x46494c45, PrXfpRegisters = 0x46e62b7f;
    public const uint X86Tls = 0x200, X86IoPermissions = 0x201, X86XState = 0x202, X86ShadowStack = 0x204, X86XSaveLayout = 0x205;
    public const uint GdbTargetDescription = 0xff000000;
    public const uint GnuBuildId = 3;

    public const string CoreOwner = "CORE", LinuxOwner = "LINUX", GdbOwner = "GDB", GnuOwner = "GNU";

    /// <summary>The readelf name of a core note type (<c>NT_PRSTATUS</c>), or its number in hex.</summary>
    public static string Name(string owner, uint type) => (owner, type) switch
    {
        ("CORE", PrStatus) => "NT_PRSTATUS",
        ("CORE", FpRegisters) => "NT_FPREGSET",
        ("CORE", PrPsInfo) => "NT_PRPSINFO",
        ("CORE", Auxv) => "NT_AUXV",
        ("CORE", SigInfo) => "NT_SIGINFO",
        ("CORE", File) => "NT_FILE",
        ("LINUX", PrXfpRegisters) => "NT_PRXFPREG",
        ("LINUX", X86Tls) => "NT_386_TLS",
        ("LINUX", X86IoPermissions) => "NT_386_IOPERM",
        ("LINUX", X86XState) => "NT_X86_XSTATE",
        ("LINUX", X86ShadowStack) => "NT_X86_SHSTK",
        ("LINUX", X86XSaveLayout) => "NT_X86_XSAVE_LAYOUT",
        ("GDB", GdbTargetDescription) => "NT_GDB_TDESC",
        ("GNU", GnuBuildId) => "NT_GNU_BUILD_ID",
        _ => "0x" + type.ToString("x", System.Globalization.CultureInfo.InvariantCulture),
    };
}

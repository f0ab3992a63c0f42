namespace Forensics.Elf.Notes;

/// <summary>Auxiliary-vector entry types and names (linux include/uapi/linux/auxvec.h, docs/formats.md#nt_auxv).</summary>
public static class AuxvTypes
{
    public const ulong Null = 0, ProgramHeaders = 3, ProgramHeaderEntrySize = 4, ProgramHeaderCount = 5, PageSize = 6,
        Base = 7, Entry = 9, Platform = 15, BasePlatform = 24, Random = 25, ExecFileName = 31, SysInfo = 32, SysInfoElfHeader = 33;

    public static string Name(ulong type) => type switch
    {
        0 => "AT_NULL", 1 => "AT_IGNORE", 2 => "AT_EXECFD", 3 => "AT_PHDR", 4 => "AT_PHENT", 5 => "AT_PHNUM",
        6 => "AT_PAGESZ", 7 => "AT_BASE", 8 => "AT_FLAGS", 9 => "AT_ENTRY", 10 => "AT_NOTELF", 11 => "AT_UID",
        12 => "AT_EUID", 13 => "AT_GID", 14 => "AT_EGID", 15 => "AT_PLATFORM", 16 => "AT_HWCAP", 17 => "AT_CLKTCK",
        23 => "AT_SECURE", 24 => "AT_BASE_PLATFORM", 25 => "AT_RANDOM", 26 => "AT_HWCAP2", 27 => "AT_RSEQ_FEATURE_SIZE",
        28 => "AT_RSEQ_ALIGN", 29 => "AT_HWCAP3", 30 => "AT_HWCAP4", 31 => "AT_EXECFN", 32 => "AT_SYSINFO",
        33 => "AT_SYSINFO_EHDR", 51 => "AT_MINSIGSTKSZ",
        _ => "AT_" + type.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Entries whose value points at a NUL-terminated string on the process stack.</summary>
    public static bool PointsAtString(ulong type) => type is Platform or BasePlatform or ExecFileName;
}

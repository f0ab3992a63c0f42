namespace Forensics.Importers.Containers.Minidump;

/// <summary>
/// Stream types read here: MINIDUMP_STREAM_TYPE (minidumpapiset.h) and Breakpad's and Crashpad's own
/// (breakpad src/google_breakpad/common/minidump_format.h, crashpad minidump/minidump_extensions.h).
/// </summary>
internal static class MinidumpStreamTypes
{
    public const uint ThreadList = 3, ModuleList = 4, MemoryList = 5, Exception = 6, SystemInfo = 7, Memory64List = 9, MiscInfo = 15;
    public const uint BreakpadInfo = 0x47670001, LinuxCpuInfo = 0x47670003, LinuxProcStatus = 0x47670004, LinuxLsbRelease = 0x47670005,
        LinuxCmdLine = 0x47670006, LinuxEnviron = 0x47670007, LinuxAuxv = 0x47670008, LinuxMaps = 0x47670009, LinuxDsoDebug = 0x4767000a;
    public const uint CrashpadInfo = 0x43500001;

    /// <summary>Breakpad's own streams share the prefix 0x4767 ("Gg").</summary>
    public static bool IsBreakpad(uint type) => type >> 16 == 0x4767;
}

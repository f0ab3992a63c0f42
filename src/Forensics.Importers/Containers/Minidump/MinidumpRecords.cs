namespace Forensics.Importers.Containers.Minidump;

/// <summary>MINIDUMP_SYSTEM_INFO: the CPU (PROCESSOR_ARCHITECTURE_*), the OS (PlatformId) and its version string.</summary>
internal sealed record MinidumpSystemInfo(ushort Cpu, byte CpuCount, uint Platform, string? Version);

/// <summary>MINIDUMP_THREAD: its id, stack range and the raw bytes of its CONTEXT.</summary>
internal sealed record MinidumpThread(uint Id, ulong StackStart, uint StackSize, byte[]? Context);

/// <summary>MINIDUMP_EXCEPTION_STREAM: on Linux the code is the signal, the flags si_code and the address si_addr.</summary>
internal sealed record MinidumpException(uint ThreadId, uint Code, uint Flags, ulong Address, byte[]? Context);

/// <summary>
/// MINIDUMP_MODULE: base, size, name and its CodeView record's form (<c>LEpB</c>, <c>RSDS</c>) with the identifier in it:
/// the whole ELF build-id in Breakpad's <c>LEpB</c>, the GUID's 16 bytes in <c>RSDS</c> (for an ELF module, Breakpad puts
/// the first 16 bytes of the build-id there, file_id.cc).
/// </summary>
internal sealed record MinidumpModule(ulong Base, ulong Size, string Name, string? CodeViewForm, string? Identifier);

/// <summary>Everything read from one minidump.</summary>
internal sealed class MinidumpFile
{
    public uint TimeDateStamp { get; set; }
    public List<uint> StreamTypes { get; } = [];
    public MinidumpSystemInfo? System { get; set; }
    public List<MinidumpThread> Threads { get; } = [];
    public MinidumpException? Exception { get; set; }
    public List<MinidumpModule> Modules { get; } = [];
    public List<(ulong Start, ulong Size)> Memory { get; } = [];
    public uint? ProcessId { get; set; }
    /// <summary>The Linux streams (maps, status, cmdline, environ, auxv, lsb-release) by type, as raw bytes.</summary>
    public Dictionary<uint, byte[]> LinuxStreams { get; } = [];
    /// <summary>Crashpad's process-wide simple annotations, in the dump's order.</summary>
    public List<(string Key, string Value)> CrashpadAnnotations { get; } = [];
}

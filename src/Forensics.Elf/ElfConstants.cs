namespace Forensics.Elf;

/// <summary>ELF numbers used by cores (System V ABI, Linux elf.h).</summary>
public static class ElfConstants
{
    public const byte ClassNone = 0, Class32 = 1, Class64 = 2;
    public const byte DataLittleEndian = 1, DataBigEndian = 2;
    public const ushort TypeRelocatable = 1, TypeExecutable = 2, TypeShared = 3, TypeCore = 4;
    public const ushort MachineI386 = 3, MachineX86_64 = 62;
    public const ushort ExtendedNumbering = 0xffff;

    public const uint SegmentLoad = 1, SegmentDynamic = 2, SegmentInterpreter = 3, SegmentNote = 4, SegmentProgramHeaders = 6;
    /// <summary>PT_GNU_EH_FRAME: the .eh_frame_hdr search table of a module.</summary>
    public const uint SegmentGnuEhFrame = 0x6474e550;
    public const uint FlagExecute = 1, FlagWrite = 2, FlagRead = 4;

    public const int Header32Size = 52, Header64Size = 64;
    public const int ProgramHeader32Size = 32, ProgramHeader64Size = 56;
    public const int SectionHeader32Size = 40, SectionHeader64Size = 64;

    public static bool HasMagic(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == 0x7f && head[1] == (byte)'E' && head[2] == (byte)'L' && head[3] == (byte)'F';
}

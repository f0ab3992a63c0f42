namespace Forensics.Elf.Notes;

/// <summary>NT_PRPSINFO (struct elf_prpsinfo), i386 or x86_64 layout (docs/formats.md#nt_prpsinfo).</summary>
public sealed record PrPsInfoNote
{
    public required byte State { get; init; }
    public required char StateName { get; init; }
    public required byte Zombie { get; init; }
    public required sbyte Nice { get; init; }
    public required ulong Flags { get; init; }
    public required uint Uid { get; init; }
    public required uint Gid { get; init; }
    public required int Pid { get; init; }
    public required int ParentPid { get; init; }
    public required int ProcessGroup { get; init; }
    public required int Session { get; init; }
    /// <summary>pr_fname (comm).</summary>
    public required string FileName { get; init; }
    /// <summary>pr_psargs as stored (usually ending with a space).</summary>
    public required string Arguments { get; init; }

    public const int Size32 = 124, Size64 = 136;

    public static PrPsInfoNote? Parse(ReadOnlySpan<byte> desc, bool is64)
    {
        if (desc.Length < (is64 ? Size64 : Size32))
            return null;
        return new PrPsInfoNote
        {
            State = desc[0],
            StateName = (char)desc[1],
            Zombie = desc[2],
            Nice = (sbyte)desc[3],
            Flags = LittleEndian.Word(desc, is64 ? 8 : 4, is64),
            // i386 keeps 16-bit ids here (old_uid_t).
            Uid = is64 ? LittleEndian.U32(desc, 16) : LittleEndian.U16(desc, 8),
            Gid = is64 ? LittleEndian.U32(desc, 20) : LittleEndian.U16(desc, 10),
            Pid = LittleEndian.I32(desc, is64 ? 24 : 12),
            ParentPid = LittleEndian.I32(desc, is64 ? 28 : 16),
            ProcessGroup = LittleEndian.I32(desc, is64 ? 32 : 20),
            Session = LittleEndian.I32(desc, is64 ? 36 : 24),
            FileName = LittleEndian.PathText(desc.Slice(is64 ? 40 : 28, 16)),
            Arguments = LittleEndian.PathText(desc.Slice(is64 ? 56 : 44, 80)),
        };
    }
}

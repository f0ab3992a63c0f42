namespace Forensics.Model;

/// <summary>What NT_PRPSINFO says of the process.</summary>
public sealed record ProcessInfo
{
    public char State { get; init; }
    public uint Uid { get; init; }
    public uint Gid { get; init; }
    public int Pid { get; init; }
    public int ParentPid { get; init; }
    public int ProcessGroup { get; init; }
    public int Session { get; init; }
    public ulong Flags { get; init; }
    /// <summary>pr_fname: the command name (comm), at most 15 characters.</summary>
    public string CommandName { get; init; } = "";
    /// <summary>pr_psargs: the first ≤79 bytes of the arguments, trailing space removed.</summary>
    public string Arguments { get; init; } = "";
}

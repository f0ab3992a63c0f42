using Forensics.Elf;

namespace Forensics.Symbols.CallFrames;

/// <summary>
/// The FDEs of a CFI section sorted by the code they cover, made by walking every entry once (<c>.debug_frame</c>, or
/// <c>.eh_frame</c> without a search table). Work is bounded by the section size: each entry advances by its length,
/// at least 8 bytes. Immutable once made, so one index serves every core of a run that maps the module.
/// </summary>
internal sealed class CallFrameIndex
{
    private CallFrameIndex((ulong Begin, ulong End, ulong Address)[] entries, string? problem)
    {
        Entries = entries;
        Problem = problem;
    }

    /// <summary>Code range and entry address of each FDE, by <c>Begin</c>.</summary>
    public (ulong Begin, ulong End, ulong Address)[] Entries { get; }

    /// <summary>The last malformed entry met while indexing; null when every entry read was well formed.</summary>
    public string? Problem { get; }

    public static CallFrameIndex Build(IAddressSpace section, CallFrameSectionKind kind, bool is64, ulong start, ulong size, IReadCheckpoint checkpoint)
    {
        var entries = new CallFrameEntryReader(section, kind, is64, start);
        var index = new List<(ulong, ulong, ulong)>();
        var end = start + size < start ? ulong.MaxValue : start + size;
        for (var at = start; at < end;)
        {
            if (index.Count % ReadCheckpoints.EntriesPerCheck == 0)
                checkpoint.Check(null);
            if (entries.ReadHeader(at) is not { } header)
                break;
            if (!header.IsCie && entries.ReadRange(header) is { } range && range.Begin != 0)
                index.Add((range.Begin, range.End, at));
            at += header.TotalSize;
        }
        index.Sort();
        return new CallFrameIndex([.. index], entries.Problem);
    }
}

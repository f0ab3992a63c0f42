namespace Forensics.Elf.Notes;

/// <summary>NT_AUXV: {type, value} word pairs up to and including AT_NULL.</summary>
public static class AuxvNote
{
    /// <summary>
    /// The pairs before AT_NULL; a missing AT_NULL or a trailing half pair is tolerated. <paramref name="checkpoint"/>
    /// (none when null) is passed between entries.
    /// </summary>
    public static IReadOnlyList<(ulong Type, ulong Value)> Parse(ReadOnlySpan<byte> desc, bool is64, IReadCheckpoint? checkpoint = null)
    {
        checkpoint ??= ReadCheckpoints.Unlimited;
        var word = is64 ? 8 : 4;
        var entries = new List<(ulong, ulong)>(desc.Length / (2 * word));
        for (var at = 0; at + (2 * word) <= desc.Length; at += 2 * word)
        {
            if (entries.Count % ReadCheckpoints.EntriesPerCheck == 0)
                checkpoint.Check(null);
            var type = LittleEndian.Word(desc, at, is64);
            if (type == AuxvTypes.Null)
                break;
            entries.Add((type, LittleEndian.Word(desc, at + word, is64)));
        }
        return entries;
    }
}

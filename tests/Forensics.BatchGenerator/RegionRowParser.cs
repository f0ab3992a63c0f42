using System.Globalization;
using System.Text.RegularExpressions;

namespace Forensics.BatchGenerator;

/// <summary>
/// Finds the region rows of a text capture in any layout, by the shape of the line alone, so a document with pasted
/// captures (indented, fenced) is handled like a plain capture. Lines that are not region rows are left alone.
/// </summary>
internal static partial class RegionRowParser
{
    [GeneratedRegex(@"^\s*(?<start>[0-9a-f]{8,16})-(?<end>[0-9a-f]{8,16}) (?<perms>[-r][-w][-x][-psS]) [0-9a-f]+ (?<device>[0-9a-f]+:[0-9a-f]+) (?<inode>\d+) *(?<name>.*)$")]
    private static partial Regex MapsRow();

    // pmap: default/-q/-p "ADDR  SIZEK MODE NAME", -x "ADDR KBYTES RSS DIRTY MODE NAME", -d "ADDR KBYTES MODE OFFSET DEVICE NAME".
    [GeneratedRegex(@"^\s*(?<start>[0-9a-f]{16}) +(?<size>\d+)K? (?<rest>.*)$")]
    private static partial Regex PmapPaddedRow();

    [GeneratedRegex(@"(?:^|\s)(?<mode>[-r][-w][-x][-s][-R])(?:\s+(?:[0-9a-f]{16} [0-9a-f]{3}:[0-9a-f]{5}))?\s*(?<name>.*)$")]
    private static partial Regex PmapMode();

    [GeneratedRegex(@"^\s*(?<start>[0-9a-f]{8,16}) (?<perms>[-r][-w][-x][-ps]) [0-9a-f]{8,16}\s+(?<device>[0-9a-f]+:[0-9a-f]+)\s+(?<inode>\d+)\s+(?<size>\d+)(?<rest>.*)$")]
    private static partial Regex PmapExtendedRow();

    [GeneratedRegex(@"^\s*0x(?<start>[0-9a-f]+)\s+0x(?<end>[0-9a-f]+)\s+(?<size>0x[0-9a-f]+)\s+0x[0-9a-f]+(?:\s+(?<perms>[-r][-w][-x][-ps]))?\s*(?<name>.*)$")]
    private static partial Regex GdbRow();

    public static List<RegionRow> Parse(IReadOnlyList<string> lines)
    {
        var rows = new List<RegionRow>();
        for (var index = 0; index < lines.Count; index++)
        {
            if (TryParse(lines[index], index) is { } row)
                rows.Add(row);
        }
        return rows;
    }

    private static RegionRow? TryParse(string line, int index)
    {
        if (line.Length < 16)
            return null;
        var match = MapsRow().Match(line);
        if (match.Success)
        {
            var name = match.Groups["name"].Value;
            var anonymous = match.Groups["inode"].Value == "0" && name.Length == 0;
            return new RegionRow(index, RowLayout.Maps, Hex(match, "start"), Hex(match, "end"), Field(match, "start"), Field(match, "end"),
                null, match.Groups["perms"].Value, anonymous, name == "[heap]");
        }
        match = GdbRow().Match(line);
        if (match.Success)
        {
            var name = match.Groups["name"].Value.Trim();
            var perms = match.Groups["perms"].Success ? match.Groups["perms"].Value : "rw-p";
            return new RegionRow(index, RowLayout.Gdb, Hex(match, "start"), Hex(match, "end"), Field(match, "start"), Field(match, "end"),
                Field(match, "size"), perms, name.Length == 0, name == "[heap]");
        }
        match = PmapPaddedRow().Match(line);
        if (match.Success)
        {
            var mode = PmapMode().Match(match.Groups["rest"].Value);
            if (!mode.Success)
                return null;
            var start = Hex(match, "start");
            var size = ulong.Parse(match.Groups["size"].Value, CultureInfo.InvariantCulture) * 1024;
            var name = mode.Groups["name"].Value.Trim();
            var perms = mode.Groups["mode"].Value;
            // Default pmap calls the heap "[ anon ]" too (procps pmap.c names only the stack).
            var anonymous = name is "[ anon ]" or "" or "[heap]";
            return new RegionRow(index, RowLayout.PmapPadded, start, start + size, Field(match, "start"), null, Field(match, "size"),
                perms[..3] + (perms[3] == 's' ? "s" : "p"), anonymous, name == "[heap]");
        }
        match = PmapExtendedRow().Match(line);
        if (match.Success)
        {
            var start = Hex(match, "start");
            var size = ulong.Parse(match.Groups["size"].Value, CultureInfo.InvariantCulture) * 1024;
            var rest = match.Groups["rest"].Value.TrimEnd();
            var heap = rest.EndsWith(" [heap]", StringComparison.Ordinal);
            var anonymous = match.Groups["inode"].Value == "0" && match.Groups["device"].Value == "00:00" && (heap || !rest.Contains('['));
            return new RegionRow(index, RowLayout.PmapExtended, start, start + size, Field(match, "start"), null, Field(match, "size"),
                match.Groups["perms"].Value, anonymous, heap);
        }
        return null;
    }

    private static ulong Hex(Match match, string group) =>
        ulong.Parse(match.Groups[group].ValueSpan, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static TextField Field(Match match, string group) => new(match.Groups[group].Index, match.Groups[group].Length);
}

using Forensics.Model;

namespace Forensics.Importers.Text.Maps;

/// <summary>
/// Parses one <c>/proc/PID/maps</c> line (also the header line of each smaps record), following the
/// robust rule of FORMATS.md §1.1: five blank-separated fields, one space, leading spaces skipped, the rest is the name.
/// </summary>
internal static class MapsLineParser
{
    /// <summary>Where the name column starts when the kernel padded it: 25 + 6·sizeof(void*) (fs/proc/task_mmu.c).</summary>
    public const int NameColumn64 = 73;
    public const int NameColumn32 = 49;

    /// <summary>A cheap shape test: <c>hex-hex perms</c> at the start of the line.</summary>
    public static bool LooksLikeMapsLine(ReadOnlySpan<char> line)
    {
        var dash = line.IndexOf('-');
        if (dash < 1 || dash > 16)
            return false;
        var i = dash + 1;
        var hexEnd = i;
        while (hexEnd < line.Length && TextSpan.IsHexDigit(line[hexEnd]))
            hexEnd++;
        if (hexEnd == i || hexEnd - i > 16 || hexEnd + 5 > line.Length || line[hexEnd] != ' ')
            return false;
        foreach (var c in line[..dash])
        {
            if (!TextSpan.IsHexDigit(c))
                return false;
        }
        return IsKernelPerms(line.Slice(hexEnd + 1, 4));
    }

    /// <summary>Exactly the four characters the kernel prints: <c>r</c>/<c>-</c>, <c>w</c>/<c>-</c>, <c>x</c>/<c>-</c>, <c>p</c>/<c>s</c>.</summary>
    public static bool IsKernelPerms(ReadOnlySpan<char> perms) =>
        perms.Length == 4 && perms[0] is 'r' or '-' && perms[1] is 'w' or '-' && perms[2] is 'x' or '-' && perms[3] is 'p' or 's';

    /// <summary>
    /// Parses <paramref name="line"/> into a region, or reports why it cannot and returns null.
    /// <paramref name="nameColumn"/> is the column where padding placed the name (-1 when the line shows none).
    /// </summary>
    public static Region? Parse(ReadOnlySpan<char> line, int lineNumber, Capture capture, NameTable names,
        RegionSources source, out int nameColumn)
    {
        nameColumn = -1;
        var rest = line;
        var range = TextSpan.NextToken(ref rest);
        var permsToken = TextSpan.NextToken(ref rest);
        var offsetToken = TextSpan.NextToken(ref rest);
        var deviceToken = TextSpan.NextToken(ref rest);
        var inodeToken = TextSpan.NextToken(ref rest);
        var location = SourceLocation.AtLine(lineNumber);

        if (inodeToken.IsEmpty)
        {
            var fields = range.IsEmpty ? 0 : permsToken.IsEmpty ? 1 : offsetToken.IsEmpty ? 2 : deviceToken.IsEmpty ? 3 : 4;
            capture.Diagnostics.Error(TextDiagnosticIds.MapsLineMalformed, location,
                $"maps line has [{fields}] fields, expected at least [5]: [{TextSpan.Excerpt(line)}]");
            return null;
        }
        var dash = range.IndexOf('-');
        if (dash < 0 || !TextSpan.TryParseHex(range[..dash], out var start) || !TextSpan.TryParseHex(range[(dash + 1)..], out var end))
            return Fail(capture, location, "address range", range);
        if (!IsKernelPerms(permsToken) || !Permissions.TryParse(permsToken, out var permissions))
            return Fail(capture, location, "permissions", permsToken);
        if (!TextSpan.TryParseHex(offsetToken, out var offset))
            return Fail(capture, location, "offset", offsetToken);
        var colon = deviceToken.IndexOf(':');
        if (colon < 1 || !TextSpan.TryParseHex(deviceToken[..colon], out _) || !TextSpan.TryParseHex(deviceToken[(colon + 1)..], out _))
            return Fail(capture, location, "device", deviceToken);
        if (!TextSpan.TryParseDecimal(inodeToken, out var inode))
            return Fail(capture, location, "inode", inodeToken);
        if (end < start)
        {
            capture.Diagnostics.Error(TextDiagnosticIds.RangeReversed, location,
                $"range ends at [0x{end:x}] before it starts at [0x{start:x}]");
            return null;
        }

        var region = new Region(start, end)
        {
            Permissions = permissions,
            Offset = offset,
            Device = names.Intern(deviceToken),
            Inode = inode,
            Sources = source,
            Location = location,
        };

        // One space follows the inode; any further spaces are padding (never trim the name's own trailing spaces).
        if (!rest.IsEmpty)
        {
            var name = TextSpan.TrimBlanksStart(rest[1..]);
            if (!name.IsEmpty)
            {
                nameColumn = line.Length - name.Length;
                RegionNames.Apply(region, name, names);
            }
        }

        if (region.Name is null && inode == 0 && offset != 0 && offset == start)
        {
            // Very old 2.6 kernels printed vm_pgoff for anonymous VMAs, which equals start >> PAGE_SHIFT << PAGE_SHIFT.
            capture.Diagnostics.Info(TextDiagnosticIds.AnonymousOffset, location,
                $"anonymous mapping shows offset [0x{offset:x}] (a page offset printed by old kernels), taken as [0]");
            region.Offset = 0;
        }
        return region;
    }

    private static Region? Fail(Capture capture, SourceLocation location, string field, ReadOnlySpan<char> token)
    {
        capture.Diagnostics.Error(TextDiagnosticIds.MapsLineMalformed, location,
            $"maps line has a malformed {field} [{TextSpan.Excerpt(token)}]");
        return null;
    }

    /// <summary>The kernel word size that the name padding shows, from the first padded name, for Capture.Variant.</summary>
    public static string? PaddingVariant(int nameColumn, ReadOnlySpan<char> line)
    {
        // Unpadded names (hand-edited captures, the proc(5) example) follow the inode after one space.
        return nameColumn switch
        {
            NameColumn64 => "kernel 64-bit (name at column 73)",
            NameColumn32 => "kernel 32-bit (name at column 49)",
            < 0 => null,
            _ when nameColumn < line.Length && IsSingleSpaceName(line, nameColumn) => "unpadded (name after one space)",
            _ => null,
        };
    }

    private static bool IsSingleSpaceName(ReadOnlySpan<char> line, int nameColumn) =>
        nameColumn >= 2 && line[nameColumn - 1] == ' ' && line[nameColumn - 2] != ' ' && nameColumn < NameColumn32;
}

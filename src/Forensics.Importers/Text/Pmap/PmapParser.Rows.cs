using Forensics.Importers.Text.Maps;
using Forensics.Importers.Text.Smaps;
using Forensics.Model;

namespace Forensics.Importers.Text.Pmap;

internal sealed partial class PmapParser
{
    private const string AnonName = "[ anon ]";
    private const string ToyboxAnonName = "[anon]";
    private const string StackName = "[ stack ]";
    private const string ShmidPrefix = "[ shmid=0x";
    /// <summary>x86 pages: every mapping starts at a multiple of 4 KiB.</summary>
    private const ulong PageSize = 4096;

    /// <summary>Parses a table row; false when the line is not one (the caller reports it).</summary>
    private bool ParseRow(ReadOnlySpan<char> line, SourceLocation location)
    {
        var rest = line;
        var addressToken = TextSpan.NextToken(ref rest);
        if (!TextSpan.TryParseHex(addressToken, out var start))
            return false;
        return _layout == PmapLayout.Dynamic
            ? ParseDynamicRow(line, rest, start, location)
            : ParseFixedRow(rest, start, location);
    }

    private bool ParseFixedRow(ReadOnlySpan<char> rest, ulong start, SourceLocation location)
    {
        Span<ulong> values = stackalloc ulong[8];
        Span<bool> given = stackalloc bool[8];
        var count = 0;
        scoped ReadOnlySpan<char> mode;
        while (true)
        {
            var token = TextSpan.NextToken(ref rest);
            if (token.IsEmpty || count == values.Length)
                return false;
            if (TextLineClassifier.IsMode(token))
            {
                mode = token;
                break;
            }
            if (token is "-")
            {
                given[count] = false;
                count++;
                continue;
            }
            // The default layout suffixes the size with K; -x and -d print bare numbers.
            if (token[^1] == 'K')
                token = token[..^1];
            if (!TextSpan.TryParseDecimal(token, out values[count]) || !TextSpan.TryKibibytes(values[count], out values[count]))
                return false;
            given[count] = true;
            count++;
        }
        if (count == 0 || !given[0])
            return false;

        ulong? offset = null;
        string? device = null;
        if (_layout == PmapLayout.Device)
        {
            var offsetToken = TextSpan.NextToken(ref rest);
            var deviceToken = TextSpan.NextToken(ref rest);
            if (!TextSpan.TryParseHex(offsetToken, out var parsedOffset) || deviceToken.IndexOf(':') < 1)
                return false;
            offset = parsedOffset;
            device = _names.Intern(deviceToken);
        }
        var size = values[0];
        if (start + size < start)
        {
            _capture.Diagnostics.Error(DiagnosticCatalogue.PmapRowMalformed, location,
                $"pmap row at [0x{start:x}] of [{size}] bytes runs past the end of the address space");
            return true;
        }
        if ((start & (PageSize - 1)) != 0)
        {
            RestOfCutLine(start, size, TextSpan.TrimBlanks(rest), location);
            return true;
        }
        if (!_starts.Add(start))
        {
            if (JoinCutLine(start + size, TextSpan.TrimBlanks(rest), location, sameStart: true))
                return true;
            if (_duplicates++ == 0)
                _firstDuplicateLine = location.Line ?? 0;
            return true;
        }

        _modeLength = mode.Length;
        // procps and toybox print '-' for private in the fourth mode character; busybox prints the kernel's p/s.
        var permissions = Permissions.Of(mode[0] == 'r', mode[1] == 'w', mode[2] == 'x', mode[3] == 's');
        var region = new Region(start, start + size)
        {
            Permissions = permissions,
            Offset = offset,
            Device = device,
            Sources = RegionSources.Pmap,
            Location = location,
        };
        var name = TextSpan.TrimBlanksStart(rest);
        if (_procpsHeader && name.Length > 0 && name[0] == '/' && rest.Length - name.Length == 2)
            _fullPathRows = true;
        ApplyName(region, name, fullNames: mode.Length == 4);
        region.Metrics = FixedMetrics(values[..count], given[..count]);
        Account(region);
        return true;
    }

    /// <summary>
    /// A row at an address no mapping can start at (not page-aligned): procps pmap read a maps line longer than its
    /// 1024-byte buffer in two pieces and parsed the rest as a line of its own (docs/formats.md#pmap-long-paths). Its
    /// address is what the rest starts with read as hex, its end the end of the cut line's mapping, its name the end of
    /// the cut name. Default, <c>-d</c> and <c>-p</c> print the cut row first: that row's name becomes what is known of
    /// it, start…end. <c>-x</c> prints only this row, so the mapping's address is lost.
    /// </summary>
    private void RestOfCutLine(ulong start, ulong size, ReadOnlySpan<char> tail, SourceLocation location)
    {
        var end = start + size;
        if (JoinCutLine(end, tail, location, sameStart: false))
            return;
        _capture.Diagnostics.Error(DiagnosticCatalogue.PmapRowAddressLost, location,
            $"row at [0x{start:x}] (not page-aligned) is the rest of a maps line procps pmap cut at its 1024-byte line buffer: the address of the mapping of [{TextSpan.Excerpt(tail)}] that ends near [0x{end:x}] is lost");
    }

    /// <summary>
    /// Joins the rest of a cut line to the row on the line before when it is that row's rest: when the rest starts with a
    /// hex digit pmap reads an address from it (not page-aligned) and the size up to the cut row's end (within the KiB
    /// it rounds down); otherwise the cut row's address and size again, under another name. False when it is not.
    /// </summary>
    private bool JoinCutLine(ulong end, ReadOnlySpan<char> tail, SourceLocation location, bool sameStart)
    {
        if (_capture.Regions.Count == 0 || _capture.Regions[^1] is not { Name: { } head } cut || cut.Location.Line + 1 != location.Line
            || tail.IsEmpty || end > cut.End || cut.End - end >= 1024 || (sameStart && (end != cut.End || tail.SequenceEqual(head))))
            return false;
        cut.Name = _names.Intern(string.Concat(head, "…", tail));
        cut.NameTruncated = true;
        _capture.Diagnostics.Warning(DiagnosticCatalogue.PmapLineCut, location,
            $"this row is the rest of line [{cut.Location.Line}], which procps pmap cut at its 1024-byte line buffer: the name there is cut, and ends in [{TextSpan.Excerpt(tail)}]");
        return true;
    }

    private RegionMetrics? FixedMetrics(ReadOnlySpan<ulong> values, ReadOnlySpan<bool> given)
    {
        if (values.Length < 2)
            return null;
        var metrics = default(SmapsMetricsBuilder);
        for (var i = 1; i < values.Length; i++)
        {
            var column = i < _columns.Count ? _columns[i].Title : DefaultExtendedTitle(i);
            if (!given[i])
                continue;
            if (i < _columns.Count)
            {
                _columns[i].Sum += values[i];
                _columns[i].HasValues = true;
            }
            switch (column)
            {
                case "RSS": metrics.Add("Rss", values[i]); break;
                case "PSS": metrics.Add("Pss", values[i]); break;
                case "Swap": metrics.Add("Swap", values[i]); break;
                case "Anon": metrics.Add("Anonymous", values[i]); break;
                case "Locked": metrics.Add("Locked", values[i]); break;
                // procps: Shared_Dirty + Private_Dirty; busybox and toybox: Private_Dirty only (docs/formats.md#pmap-dirty-column).
                case "Dirty" when _oneSpaceHeader: metrics.Add("Private_Dirty", values[i]); break;
                case "Dirty": metrics.SetDirty(values[i]); break;
                default: metrics.Add(column, values[i]); break;
            }
        }
        return metrics.Build();
    }

    /// <summary><c>pmap -x -q</c> leaves the header out; its columns are those of procps-ng -x.</summary>
    private static string DefaultExtendedTitle(int index) => index switch
    {
        1 => "RSS",
        2 => "Dirty",
        _ => "Column" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private bool ParseDynamicRow(ReadOnlySpan<char> line, ReadOnlySpan<char> rest, ulong start, SourceLocation location)
    {
        var permsToken = TextSpan.NextToken(ref rest);
        var offsetToken = TextSpan.NextToken(ref rest);
        var deviceToken = TextSpan.NextToken(ref rest);
        var inodeToken = TextSpan.NextToken(ref rest);
        if (!MapsLineParser.IsKernelPerms(permsToken) || !Permissions.TryParse(permsToken, out var permissions)
            || !TextSpan.TryParseHex(offsetToken, out var offset) || deviceToken.IndexOf(':') < 1
            || !TextSpan.TryParseDecimal(inodeToken, out var inode))
            return false;

        var metrics = default(SmapsMetricsBuilder);
        string? flags = null;
        ulong? size = null;
        var position = line.Length - rest.Length;
        foreach (var column in _columns)
        {
            if (column.IsFlags)
            {
                // VmFlags holds space-separated codes, right-justified to the column's end.
                var end = Math.Clamp(column.End, position, line.Length);
                flags = _names.Intern(TextSpan.TrimBlanks(line[position..end]));
                rest = line[end..];
                position = end;
                continue;
            }
            var token = TextSpan.NextToken(ref rest, ref position);
            if (!TextSpan.TryParseDecimal(token, out var value) || (column.IsKibibytes && !TextSpan.TryKibibytes(value, out value)))
                return false;
            column.Sum += value;
            column.HasValues = true;
            if (column.Title == "Size")
                size = value;
            metrics.Add(column.Title, value);
        }
        if (size is not { } bytes || start + bytes < start)
            return false;
        if (!_starts.Add(start))
        {
            if (_duplicates++ == 0)
                _firstDuplicateLine = location.Line ?? 0;
            return true;
        }
        var region = new Region(start, start + bytes)
        {
            Permissions = permissions,
            Offset = offset,
            Device = _names.Intern(deviceToken),
            Inode = inode,
            VmFlags = flags,
            Sources = RegionSources.Pmap,
            Location = location,
            Metrics = metrics.Build(),
        };
        // One space separates the last column from the name; anonymous rows end in that space.
        ApplyName(region, rest.Length > 1 ? rest[1..] : default, fullNames: false);
        Account(region);
        return true;
    }

    private void ApplyName(Region region, ReadOnlySpan<char> name, bool fullNames)
    {
        var trimmed = TextSpan.TrimBlanks(name);
        if (trimmed.IsEmpty || trimmed is AnonName or ToyboxAnonName)
            return;
        if (trimmed is StackName)
        {
            region.Name = "[stack]";
            return;
        }
        if (trimmed.StartsWith(ShmidPrefix, StringComparison.Ordinal) && trimmed.EndsWith(" ]", StringComparison.Ordinal))
        {
            // procps prints the SysV shmid, which is the maps inode (docs/formats.md#maps-line-layout).
            region.Name = _names.Intern(trimmed);
            if (TextSpan.TryParseHex(trimmed[ShmidPrefix.Length..^2], out var shmid))
                region.Inode = shmid;
            return;
        }
        // Pseudo-names (toybox's "  [heap]") carry two leading spaces that are not part of the name.
        RegionNames.Apply(region, trimmed[0] == '[' ? trimmed : TextSpan.TrimBlanksStart(name), _names);
        region.NameIsBasename = !fullNames && region.Name is { } kept && kept[0] != '[' && !kept.Contains('/');
    }

    private void Account(Region region)
    {
        _capture.Regions.Add(region);
        _sizeSum += region.Size;
        if (region.Permissions.IsShared == true)
            _sharedSum += region.Size;
        else if (region.Permissions.CanWrite == true)
            _writeablePrivateSum += region.Size;
    }
}

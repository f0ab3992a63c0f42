using Forensics.Importers.Budget;
using Forensics.Importers.Text.Maps;
using Forensics.Model;

namespace Forensics.Importers.Text.Gdb;

/// <summary>
/// Parses gdb <c>info proc mappings</c> (docs/formats.md#gdb-info-proc-mappings): the layout with Perms (gdb ≥ 12, live), without
/// (gdb ≤ 11, and every core listing), the 32-bit layout with width-10 columns, and the core listing that
/// shows only NT_FILE mappings. Chatter before the table (attach messages, <c>[New LWP ...]</c>) is skipped.
/// gdb on Solaris and illumos prints another table (procfs.c, info_mappings_callback): a Flags column instead of
/// Perms and objfile, and an End Addr that is the last byte of the mapping (<c>pr_vaddr + pr_size - 1</c>); it is
/// read as such and named as a listing from those systems.
/// </summary>
internal static class GdbParser
{
    public static CaptureBuilder Parse(ReadOnlySpan<byte> text, int firstLine, ReadBudget budget)
    {
        var capture = new CaptureBuilder { Format = CaptureFormat.Gdb };
        var names = new NameTable();
        var sawProcess = false;
        var sawMappedAddressSpaces = false;
        var headerSeen = false;
        var hasPerms = false;
        var is32Bit = false;
        var solaris = false;
        Region? previous = null;

        var lines = new TextLines(text, firstLine, budget);
        while (lines.MoveNext(out var line, out var number))
        {
            var trimmed = TextSpan.TrimBlanks(line);
            if (trimmed.IsEmpty)
                continue; // the angr capture has a blank line inside the table
            var location = SourceLocation.AtLine(number);
            if (!headerSeen)
            {
                if (TextLineClassifier.Classify(trimmed) == TextLineShape.GdbProcess
                    && int.TryParse(TextLineClassifier.ProcessNumber(trimmed), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
                {
                    capture.Pid = pid;
                    sawProcess = true;
                }
                else if (trimmed.StartsWith("Mapped address spaces:", StringComparison.Ordinal))
                    sawMappedAddressSpaces = true;
                else if (TryQuoted(trimmed, "cmdline = ", out var cmdline))
                    capture.CommandLine = cmdline.ToString();
                else if (TryQuoted(trimmed, "exe = ", out var exe))
                {
                    // On a core, gdb prints pr_psargs here (`exe = './maptest crash'`).
                    capture.ProcessName = TextCaptureChecks.ProcessNameOf(exe.ToString());
                    if (!sawProcess)
                        capture.CommandLine ??= exe.ToString();
                }
                else if (trimmed.StartsWith("Start Addr", StringComparison.Ordinal))
                {
                    headerSeen = true;
                    // gdb 12 added the Perms column; core listings never have it.
                    hasPerms = trimmed.Contains("Perms", StringComparison.Ordinal);
                    solaris = trimmed.EndsWith("Flags", StringComparison.Ordinal);
                    // 32-bit targets use width 10 for every number, so only three spaces separate the first two titles.
                    is32Bit = trimmed.StartsWith("Start Addr   End Addr", StringComparison.Ordinal);
                }
                else if (TextLineClassifier.LooksLikeGdbRow(trimmed))
                {
                    // A table pasted without its header: decide the columns from the row itself.
                    headerSeen = true;
                    hasPerms = HasPermsToken(trimmed);
                    solaris = HasSolarisFlagsToken(trimmed);
                    previous = ParseRow(line, location, capture, names, hasPerms, solaris);
                }
                else
                    ReportLostRow(capture, line, location);
                continue;
            }

            if (TextLineClassifier.LooksLikeGdbRow(trimmed))
            {
                previous = ParseRow(line, location, capture, names, hasPerms, solaris);
                continue;
            }
            if (TextCaptureChecks.ReportElision(capture, line, number) || ReportLostRow(capture, line, location))
                continue;
            if (trimmed[0] == '[' || trimmed.StartsWith("Start Addr", StringComparison.Ordinal))
                continue; // "[Inferior 1 (process N) detached]" and a repeated header
            if (previous is { Name: not null } && sawMappedAddressSpaces && !sawProcess)
            {
                // A kernel core's NT_FILE holds raw names, so a newline in a file name splits the row (docs/formats.md#gdb-core-file-listing).
                // The name is joined with the maps escape \012 so it matches the same file seen in maps.
                previous.Name = names.Intern(string.Concat(previous.Name, "\\012", line.ToString()));
                capture.Diagnostics.Info(DiagnosticCatalogue.GdbNameContinued, location,
                    $"line continues the name of the mapping at [0x{previous.Start:x}] (a newline in the file name)");
                previous = null;
                continue;
            }
            capture.Diagnostics.Warning(DiagnosticCatalogue.GdbRowMalformed, location,
                $"line is not a gdb mapping row [{TextSpan.Excerpt(line)}]");
        }

        if (!headerSeen)
            capture.Diagnostics.Error(DiagnosticCatalogue.GdbHeaderMissing, SourceLocation.AtLine(firstLine),
                "no gdb [Start Addr] column header or mapping row found");
        var coreListing = sawMappedAddressSpaces && !sawProcess;
        capture.Variant = (is32Bit ? "gdb 32-bit" : "gdb") + (hasPerms ? " ≥ 12 (Perms)" : " ≤ 11") + (coreListing ? " core listing" : "");
        if (coreListing && !hasPerms && !is32Bit)
            capture.Variant = "gdb core listing";
        if (solaris)
        {
            capture.Variant = (is32Bit ? "gdb 32-bit" : "gdb") + " procfs (Solaris, illumos)";
            // Unknown with a reason: normalisation keeps it, and the layout rules of Linux x86 do not apply.
            capture.ArchitectureEvidence.Add("gdb printed the Solaris/illumos procfs table (Flags column, End Addr is the last byte): "
                + "not a Linux process, and the table does not show the instruction set");
            capture.Diagnostics.Info(DiagnosticCatalogue.GdbForeignSystem, SourceLocation.AtLine(firstLine),
                "gdb listing from Solaris or illumos (procfs): each End Addr is the last byte of its mapping and was read as such");
            // The table names no mapped file, so a library's text reads like anonymous code; the rules of a Linux layout
            // (kinds, findings such as injected code) would invent facts about it.
            capture.UnsupportedReason = "a gdb listing of a Solaris or illumos process: its rows are read, but the table names no mapped file "
                + "and the layout rules of Linux do not apply";
        }
        else if (is32Bit)
        {
            capture.Architecture = Architecture.X86;
            capture.ArchitectureEvidence.Add("gdb printed 32-bit columns");
        }
        TextCaptureChecks.RequireRegions(capture, firstLine);
        return capture;
    }

    private static Region? ParseRow(ReadOnlySpan<char> line, SourceLocation location, CaptureBuilder capture, NameTable names,
        bool hasPerms, bool solaris)
    {
        var rest = line;
        if (!TryReadNumber(ref rest, "Start Addr", location, capture, out var start)
            || !TryReadNumber(ref rest, "End Addr", location, capture, out var end)
            || !TryReadNumber(ref rest, "Size", location, capture, out var size)
            || !TryReadNumber(ref rest, "Offset", location, capture, out var offset))
            return null;
        var permissions = Permissions.Unknown;
        string? solarisName = null;
        if (solaris)
        {
            var flags = TextSpan.NextToken(ref rest);
            if (!TryReadSolarisFlags(flags, out permissions, out solarisName))
            {
                capture.Diagnostics.Error(DiagnosticCatalogue.GdbRowMalformed, location,
                    $"gdb row has malformed Solaris flags [{TextSpan.Excerpt(flags)}]");
                return null;
            }
            if (end == ulong.MaxValue)
            {
                capture.Diagnostics.Error(DiagnosticCatalogue.GdbRowMalformed, location,
                    $"gdb row ends at the last address [0x{end:x}], which a 64-bit exclusive end cannot hold");
                return null;
            }
            end++; // procfs.c prints pr_vaddr + pr_size - 1
        }
        else if (hasPerms)
        {
            var perms = TextSpan.NextToken(ref rest);
            if (!MapsLineParser.IsKernelPerms(perms) || !Permissions.TryParse(perms, out permissions))
            {
                capture.Diagnostics.Error(DiagnosticCatalogue.GdbRowMalformed, location,
                    $"gdb row has malformed perms [{TextSpan.Excerpt(perms)}]");
                return null;
            }
        }
        if (end < start)
        {
            capture.Diagnostics.Error(DiagnosticCatalogue.RangeReversed, location,
                $"range ends at [0x{end:x}] before it starts at [0x{start:x}]");
            return null;
        }
        if (size != end - start)
            capture.Diagnostics.Warning(DiagnosticCatalogue.GdbSizeMismatch, location,
                $"gdb Size [0x{size:x}] differs from End - Start [0x{end - start:x}]");
        var region = new Region(start, end)
        {
            Permissions = permissions,
            Offset = offset,
            Sources = RegionSources.Gdb,
            Location = location,
        };
        // gdb's tokenizer skips runs of spaces after each field; the rest of the line is the name.
        RegionNames.Apply(region, solarisName ?? TextSpan.TrimBlanksStart(rest), names);
        // Solaris flags state a stack or a brk heap; nothing else of such a listing is classified.
        if (solarisName is not null)
            region.StatedKind = solarisName == "[stack]" ? RegionKind.Stack : RegionKind.Heap;
        capture.Regions.Add(region);
        return region;
    }

    private static bool TryReadNumber(ref ReadOnlySpan<char> rest, string column, SourceLocation location, CaptureBuilder capture, out ulong value)
    {
        var token = TextSpan.NextToken(ref rest);
        value = 0;
        if (token is "0" || TextSpan.TryParsePrefixedHex(token, out value))
            return true;
        capture.Diagnostics.Error(DiagnosticCatalogue.GdbRowMalformed, location,
            $"gdb row has a malformed {column} [{TextSpan.Excerpt(token)}]");
        return false;
    }

    /// <summary>
    /// procfs.c's mappingflags: seven characters, <c>-</c> or <c>d</c> (physical), <c>s</c> (stack), <c>b</c> (brk
    /// heap), <c>s</c> (shared), <c>r</c>, <c>w</c>, <c>x</c>. The stack and heap flags name the region as Linux does.
    /// </summary>
    private static bool TryReadSolarisFlags(ReadOnlySpan<char> flags, out Permissions permissions, out string? name)
    {
        permissions = Permissions.Unknown;
        name = null;
        if (!IsSolarisFlags(flags))
            return false;
        permissions = Permissions.Of(flags[4] == 'r', flags[5] == 'w', flags[6] == 'x', flags[3] == 's');
        name = flags[1] == 's' ? "[stack]" : flags[2] == 'b' ? "[heap]" : null;
        return true;
    }

    private static bool IsSolarisFlags(ReadOnlySpan<char> flags) =>
        flags.Length == 7 && flags[0] is '-' or 'd' && flags[1] is '-' or 's' && flags[2] is '-' or 'b' && flags[3] is '-' or 's'
        && flags[4] is '-' or 'r' && flags[5] is '-' or 'w' && flags[6] is '-' or 'x';

    private static bool HasSolarisFlagsToken(ReadOnlySpan<char> row)
    {
        var rest = row;
        for (var i = 0; i < 4; i++)
            TextSpan.NextToken(ref rest);
        return IsSolarisFlags(TextSpan.NextToken(ref rest)) && TextSpan.NextToken(ref rest).IsEmpty;
    }

    /// <summary>A line shaped like a mapping row that is not a row of this table: reported as a lost row (an error).</summary>
    private static bool ReportLostRow(CaptureBuilder capture, ReadOnlySpan<char> line, SourceLocation location)
    {
        if (!TextLineClassifier.IsMappingRow(line))
            return false;
        capture.Diagnostics.Error(DiagnosticCatalogue.GdbRowMalformed, location,
            $"line is shaped like a mapping row but not like a row of this gdb table [{TextSpan.Excerpt(line)}]");
        return true;
    }

    private static bool HasPermsToken(ReadOnlySpan<char> row)
    {
        var rest = row;
        for (var i = 0; i < 4; i++)
            TextSpan.NextToken(ref rest);
        var token = TextSpan.NextToken(ref rest);
        return token.Length == 4 && TextLineClassifier.IsMode(token) && token[3] is 'p' or 's';
    }

    private static bool TryQuoted(ReadOnlySpan<char> line, string prefix, out ReadOnlySpan<char> value)
    {
        value = default;
        if (!line.StartsWith(prefix, StringComparison.Ordinal))
            return false;
        var rest = line[prefix.Length..];
        if (rest.Length < 2 || rest[0] != '\'' || rest[^1] != '\'')
            return false;
        value = rest[1..^1];
        return true;
    }
}

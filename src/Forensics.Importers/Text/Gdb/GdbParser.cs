using Forensics.Importers.Text.Maps;
using Forensics.Model;

namespace Forensics.Importers.Text.Gdb;

/// <summary>
/// Parses gdb <c>info proc mappings</c> (docs/formats.md#gdb-info-proc-mappings): the layout with Perms (gdb ≥ 12, live), without
/// (gdb ≤ 11, and every core listing), the 32-bit layout with width-10 columns, and the core listing that
/// shows only NT_FILE mappings. Chatter before the table (attach messages, <c>[New LWP ...]</c>) is skipped.
/// </summary>
internal static class GdbParser
{
    public static Capture Parse(ReadOnlySpan<char> text, int firstLine)
    {
        var capture = new Capture { Format = CaptureFormat.Gdb };
        var names = new NameTable();
        var sawProcess = false;
        var sawMappedAddressSpaces = false;
        var headerSeen = false;
        var hasPerms = false;
        var is32Bit = false;
        Region? previous = null;

        var lines = new TextLines(text, firstLine);
        while (lines.MoveNext(out var line, out var number))
        {
            var trimmed = TextSpan.TrimBlanks(line);
            if (trimmed.IsEmpty)
                continue; // the angr capture has a blank line inside the table
            var location = SourceLocation.AtLine(number);
            if (!headerSeen)
            {
                if (trimmed.StartsWith("process ", StringComparison.Ordinal)
                    && int.TryParse(trimmed[8..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
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
                    // 32-bit targets use width 10 for every number, so only three spaces separate the first two titles.
                    is32Bit = trimmed.StartsWith("Start Addr   End Addr", StringComparison.Ordinal);
                }
                else if (TextLineClassifier.LooksLikeGdbRow(trimmed))
                {
                    // A table pasted without its header: decide the columns from the row itself.
                    headerSeen = true;
                    hasPerms = HasPermsToken(trimmed);
                    previous = ParseRow(line, location, capture, names, hasPerms);
                }
                continue;
            }

            if (TextLineClassifier.LooksLikeGdbRow(trimmed))
            {
                previous = ParseRow(line, location, capture, names, hasPerms);
                continue;
            }
            if (trimmed[0] == '[' || trimmed.StartsWith("Start Addr", StringComparison.Ordinal))
                continue; // "[Inferior 1 (process N) detached]" and a repeated header
            if (previous is { Name: not null } && sawMappedAddressSpaces && !sawProcess)
            {
                // A kernel core's NT_FILE holds raw names, so a newline in a file name splits the row (docs/formats.md#gdb-core-file-listing).
                // The name is joined with the maps escape \012 so it matches the same file seen in maps.
                previous.Name = names.Intern(string.Concat(previous.Name, "\\012", line.ToString()));
                capture.Diagnostics.Info(TextDiagnosticIds.GdbNameContinued, location,
                    $"line continues the name of the mapping at [0x{previous.Start:x}] (a newline in the file name)");
                previous = null;
                continue;
            }
            capture.Diagnostics.Warning(TextDiagnosticIds.GdbRowMalformed, location,
                $"line is not a gdb mapping row [{TextSpan.Excerpt(line)}]");
        }

        if (!headerSeen)
            capture.Diagnostics.Error(TextDiagnosticIds.GdbHeaderMissing, SourceLocation.AtLine(firstLine),
                "no gdb [Start Addr] column header or mapping row found");
        var coreListing = sawMappedAddressSpaces && !sawProcess;
        capture.Variant = (is32Bit ? "gdb 32-bit" : "gdb") + (hasPerms ? " ≥ 12 (Perms)" : " ≤ 11") + (coreListing ? " core listing" : "");
        if (coreListing && !hasPerms && !is32Bit)
            capture.Variant = "gdb core listing";
        if (is32Bit)
        {
            capture.Architecture = Architecture.X86;
            capture.ArchitectureEvidence.Add("gdb printed 32-bit columns");
        }
        TextCaptureChecks.RequireRegions(capture, firstLine);
        return capture;
    }

    private static Region? ParseRow(ReadOnlySpan<char> line, SourceLocation location, Capture capture, NameTable names, bool hasPerms)
    {
        var rest = line;
        TextSpan.TryParsePrefixedHex(TextSpan.NextToken(ref rest), out var start);
        TextSpan.TryParsePrefixedHex(TextSpan.NextToken(ref rest), out var end);
        TextSpan.TryParsePrefixedHex(TextSpan.NextToken(ref rest), out var size);
        TextSpan.TryParsePrefixedHex(TextSpan.NextToken(ref rest), out var offset);
        var permissions = Permissions.Unknown;
        if (hasPerms)
        {
            var perms = TextSpan.NextToken(ref rest);
            if (!MapsLineParser.IsKernelPerms(perms) || !Permissions.TryParse(perms, out permissions))
            {
                capture.Diagnostics.Error(TextDiagnosticIds.GdbRowMalformed, location,
                    $"gdb row has malformed perms [{TextSpan.Excerpt(perms)}]");
                return null;
            }
        }
        if (end < start)
        {
            capture.Diagnostics.Error(TextDiagnosticIds.RangeReversed, location,
                $"range ends at [0x{end:x}] before it starts at [0x{start:x}]");
            return null;
        }
        if (size != end - start)
            capture.Diagnostics.Warning(TextDiagnosticIds.GdbSizeMismatch, location,
                $"gdb Size [0x{size:x}] differs from End - Start [0x{end - start:x}]");
        var region = new Region(start, end)
        {
            Permissions = permissions,
            Offset = offset,
            Sources = RegionSources.Gdb,
            Location = location,
        };
        // gdb's tokenizer skips runs of spaces after each field; the rest of the line is the name.
        RegionNames.Apply(region, TextSpan.TrimBlanksStart(rest), names);
        capture.Regions.Add(region);
        return region;
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

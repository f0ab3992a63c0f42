using Forensics.Importers.Budget;
using Forensics.Importers.Text.Maps;
using Forensics.Model;

namespace Forensics.Importers.Text.Smaps;

/// <summary>
/// Parses <c>/proc/PID/smaps</c> (docs/formats.md#smaps-records) and <c>smaps_rollup</c> (docs/formats.md#smaps_rollup). The rollup record becomes
/// <see cref="Capture.Totals"/> with no regions; the range it covers is reported as an info diagnostic (FX1012)
/// and kept in <see cref="Capture.Variant"/>.
/// </summary>
internal static class SmapsParser
{
    public static CaptureBuilder Parse(ReadOnlySpan<byte> text, int firstLine, CaptureFormat requested, ReadBudget budget)
    {
        var capture = new CaptureBuilder { Format = requested, Variant = "kernel" };
        var names = new NameTable();
        Region? current = null;
        var metrics = default(SmapsMetricsBuilder);
        RegionMetrics? rollup = null;
        var isRollup = false;
        string? variant = null;

        var lines = new TextLines(text, firstLine, budget);
        while (lines.MoveNext(out var line, out var number))
        {
            if (TextSpan.IsAllBlank(line) || TextCaptureChecks.ReportElision(capture, line, number))
                continue;
            if (MapsLineParser.LooksLikeMapsLine(line))
            {
                Finish(capture, current, ref metrics, isRollup, ref rollup);
                current = MapsLineParser.Parse(line, number, capture, names, RegionSources.Smaps, out var nameColumn);
                isRollup = current is { Name: "[rollup]" };
                if (current is not null && !isRollup)
                {
                    capture.Regions.Add(current);
                    variant ??= MapsLineParser.PaddingVariant(nameColumn, line);
                }
                else if (isRollup)
                {
                    capture.Format = CaptureFormat.SmapsRollup;
                    capture.Variant = $"kernel smaps_rollup of {current!.Start:x}-{current.End:x}";
                    capture.TotalsRange = (current.Start, current.End);
                    capture.Diagnostics.Info(DiagnosticCatalogue.RollupRange, current.Location,
                        $"smaps_rollup covers [0x{current.Start:x}-0x{current.End:x}]");
                }
                continue;
            }
            var location = SourceLocation.AtLine(number);
            if (current is null)
            {
                capture.Diagnostics.Error(DiagnosticCatalogue.SmapsKeyMalformed, location,
                    $"smaps line outside any mapping record [{TextSpan.Excerpt(line)}]");
                continue;
            }
            if (line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                // Each code is followed by one space, so the line ends in a space (task_mmu.c show_smap_vma_flags).
                current.VmFlags = names.Intern(TextSpan.TrimBlanks(line[8..]));
                continue;
            }
            if (!TryParseKey(line, names, out var key, out var value))
            {
                capture.Diagnostics.Error(DiagnosticCatalogue.SmapsKeyMalformed, location,
                    $"smaps key line is malformed [{TextSpan.Excerpt(line)}]");
                continue;
            }
            metrics.Add(key, value);
            if (isRollup && RegionMetrics.TotalKeys.Contains(key))
            {
                // Checked against the regions only when the same instance's smaps joins it (InstanceMerger).
                capture.DeclaredTotals.Add(new DeclaredTotal(SmapsRollupTotals.Prefix + key, value, null, location) { Checkable = false });
            }
        }
        Finish(capture, current, ref metrics, isRollup, ref rollup);

        if (capture.Format == CaptureFormat.SmapsRollup)
        {
            capture.Totals = rollup;
            if (rollup is null)
                capture.Diagnostics.Error(DiagnosticCatalogue.NoRegions, SourceLocation.AtLine(firstLine),
                    "the [smaps_rollup] capture holds no [rollup] record");
        }
        else
        {
            if (variant is not null)
                capture.Variant = variant;
            TextCaptureChecks.RequireRegions(capture, firstLine);
        }
        return capture;
    }

    private static void Finish(CaptureBuilder capture, Region? region, ref SmapsMetricsBuilder metrics, bool isRollup, ref RegionMetrics? rollup)
    {
        if (region is not null)
        {
            if (isRollup)
                rollup = metrics.Build();
            else
            {
                region.Metrics = metrics.Build();
                if (metrics.Size is { } size && size != region.Size)
                    capture.Diagnostics.Warning(DiagnosticCatalogue.SmapsSizeMismatch, region.Location,
                        $"smaps Size [{size}] bytes differs from the range's [{region.Size}] bytes");
            }
        }
        metrics = default;
    }

    /// <summary><c>Key: value [kB]</c>: key before the first colon, the first integer after it, kB converted to bytes.</summary>
    private static bool TryParseKey(ReadOnlySpan<char> line, NameTable names, out string key, out ulong value)
    {
        key = "";
        value = 0;
        var colon = line.IndexOf(':');
        if (colon < 1)
            return false;
        var rest = line[(colon + 1)..];
        if (!TextSpan.TryParseDecimal(TextSpan.NextToken(ref rest), out value))
            return false;
        var unit = TextSpan.TrimBlanks(rest);
        if (unit is "kB")
        {
            if (!TextSpan.TryKibibytes(value, out value))
                return false;
        }
        else if (!unit.IsEmpty)
            return false;
        key = names.Intern(TextSpan.TrimBlanks(line[..colon]));
        return true;
    }
}

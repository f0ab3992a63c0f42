using System.Globalization;
using Forensics.Model;

namespace Forensics.Importers.Normalisation;

/// <summary>Sorts a capture's regions by start and reports what the source listed out of order or overlapping.</summary>
internal static class RegionOrdering
{
    /// <summary>Each kind of problem is listed one by one up to this many times, then counted.</summary>
    private const int ListedPerId = 50;

    public static void Sort(CaptureBuilder capture)
    {
        var regions = capture.Regions;
        var outOfOrder = 0;
        for (var i = 1; i < regions.Count; i++)
        {
            if (regions[i].Start >= regions[i - 1].Start)
                continue;
            if (++outOfOrder <= ListedPerId)
            {
                capture.Diagnostics.Warning(DiagnosticCatalogue.RegionsOutOfOrder, regions[i].Location, string.Create(CultureInfo.InvariantCulture,
                    $"region [0x{regions[i].Start:x}-0x{regions[i].End:x}] starts below the region listed before it [0x{regions[i - 1].Start:x}-0x{regions[i - 1].End:x}]"));
            }
        }
        ReportOmitted(capture, outOfOrder, "out-of-order regions");

        if (outOfOrder > 0)
        {
            // OrderBy is a stable sort: regions with one start keep their source order.
            var sorted = regions.OrderBy(r => r.Start).ToArray();
            regions.Clear();
            regions.AddRange(sorted);
        }

        var overlaps = 0;
        for (var i = 1; i < regions.Count; i++)
        {
            var previous = regions[i - 1];
            var region = regions[i];
            if (region.Start >= previous.End)
                continue;
            if (++overlaps <= ListedPerId)
            {
                capture.Diagnostics.Warning(DiagnosticCatalogue.RegionsOverlap, region.Location, string.Create(CultureInfo.InvariantCulture,
                    $"region [0x{region.Start:x}-0x{region.End:x}] overlaps [0x{previous.Start:x}-0x{previous.End:x}] ({previous.Location})"));
            }
        }
        ReportOmitted(capture, overlaps, "overlapping regions");
    }

    private static void ReportOmitted(CaptureBuilder capture, int count, string what)
    {
        if (count > ListedPerId)
        {
            capture.Diagnostics.Warning(DiagnosticCatalogue.MoreOmitted, SourceLocation.None, string.Create(CultureInfo.InvariantCulture,
                $"[{count}] {what} in all; the first [{ListedPerId}] are listed"));
        }
    }
}

using System.Globalization;
using Forensics.Model;

namespace Forensics.Importers.Normalisation;

/// <summary>Sorts a capture's regions by start and reports what the source listed out of order or overlapping.</summary>
internal static class RegionOrdering
{
    /// <summary>Each kind of problem is listed one by one up to this many times, then counted.</summary>
    private const int ListedPerId = 50;

    /// <summary>
    /// Sorts the regions and reports what was out of order, then what overlaps; each region is also given its stated kind
    /// (<see cref="Region.StatedKind"/>) on the way. Regions already in order, as nearly every source lists them, are
    /// checked in one pass: a pass over the millions of regions of a large maps costs their memory traffic.
    /// </summary>
    public static void Sort(CaptureBuilder capture)
    {
        var regions = capture.Regions;
        var outOfOrder = 0;
        var overlaps = new Overlaps(capture);
        for (var i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            region.Kind = region.StatedKind;
            if (i == 0)
                continue;
            var previous = regions[i - 1];
            if (region.Start >= previous.Start)
            {
                if (outOfOrder == 0)
                    overlaps.Check(previous, region);
                continue;
            }
            if (++outOfOrder <= ListedPerId)
            {
                capture.Diagnostics.Warning(DiagnosticCatalogue.RegionsOutOfOrder, region.Location, string.Create(CultureInfo.InvariantCulture,
                    $"region [0x{region.Start:x}-0x{region.End:x}] starts below the region listed before it [0x{previous.Start:x}-0x{previous.End:x}]"));
            }
        }
        ReportOmitted(capture, outOfOrder, "out-of-order regions");

        if (outOfOrder > 0)
        {
            // OrderBy is a stable sort: regions with one start keep their source order.
            var sorted = regions.OrderBy(r => r.Start).ToArray();
            regions.Clear();
            regions.AddRange(sorted);
            overlaps = new Overlaps(capture);
            for (var i = 1; i < regions.Count; i++)
                overlaps.Check(regions[i - 1], regions[i]);
        }
        overlaps.Report();
    }

    /// <summary>Overlapping neighbours in start order, reported after what was out of order.</summary>
    private sealed class Overlaps(CaptureBuilder capture)
    {
        private readonly List<Diagnostic> _listed = [];
        private int _count;

        public void Check(Region previous, Region region)
        {
            if (region.Start >= previous.End)
                return;
            if (++_count <= ListedPerId)
            {
                _listed.Add(new Diagnostic(DiagnosticCatalogue.RegionsOverlap, DiagnosticSeverity.Warning, string.Create(CultureInfo.InvariantCulture,
                    $"region [0x{region.Start:x}-0x{region.End:x}] overlaps [0x{previous.Start:x}-0x{previous.End:x}] ({previous.Location})"), region.Location));
            }
        }

        public void Report()
        {
            capture.Diagnostics.AddRange(_listed);
            ReportOmitted(capture, _count, "overlapping regions");
        }
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

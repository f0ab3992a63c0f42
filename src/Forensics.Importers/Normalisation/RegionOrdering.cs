using System.Globalization;
using Forensics.Model;

namespace Forensics.Importers.Normalisation;

/// <summary>
/// Checks a capture's regions, given one by one in the source's order, for what was listed out of order or
/// overlapping, and sorts them by start when some were out of order.
/// </summary>
internal sealed class RegionOrdering(CaptureBuilder capture)
{
    /// <summary>Each kind of problem is listed one by one up to this many times, then counted.</summary>
    private const int ListedPerId = 50;

    private Overlaps _overlaps = new(capture);
    private int _outOfOrder;

    /// <summary>
    /// Takes the next region of the source's order, <paramref name="previous"/> the one before it (null for the first).
    /// What normalisation derives is reset on the way: the region's kind to its stated kind
    /// (<see cref="Region.StatedKind"/>), its module to none, as a capture normalised again (a merge) is regrouped from
    /// scratch. A region is written only when that changes it: classification writes every kind after this pass, and
    /// each pass that writes millions of regions also writes their memory back.
    /// </summary>
    public void Add(Region? previous, Region region)
    {
        if (region.Kind != region.StatedKind)
            region.Kind = region.StatedKind;
        if (region.Module is not null)
            region.Module = null;
        if (previous is null)
            return;
        if (region.Start >= previous.Start)
        {
            if (_outOfOrder == 0)
                _overlaps.Check(previous, region);
            return;
        }
        if (++_outOfOrder <= ListedPerId)
        {
            capture.Diagnostics.Warning(DiagnosticCatalogue.RegionsOutOfOrder, region.Location, string.Create(CultureInfo.InvariantCulture,
                $"region [0x{region.Start:x}-0x{region.End:x}] starts below the region listed before it [0x{previous.Start:x}-0x{previous.End:x}]"));
        }
    }

    /// <summary>
    /// Reports what was out of order, sorts the regions if any was, then reports what overlaps. True when the regions
    /// were sorted: what was gathered from them in the source's order is then gathered again.
    /// </summary>
    public bool Finish()
    {
        ReportOmitted(capture, _outOfOrder, "out-of-order regions");
        var regions = capture.Regions;
        if (_outOfOrder > 0)
        {
            // OrderBy is a stable sort: regions with one start keep their source order.
            var sorted = regions.OrderBy(r => r.Start).ToArray();
            regions.Clear();
            regions.AddRange(sorted);
            _overlaps = new Overlaps(capture);
            for (var i = 1; i < regions.Count; i++)
                _overlaps.Check(regions[i - 1], regions[i]);
        }
        _overlaps.Report();
        return _outOfOrder > 0;
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

using Forensics.Model;

namespace Forensics.Importers.Normalisation;

/// <summary>The file-backed ranges of a capture, the key by which captures of one process instance are recognised.</summary>
internal sealed class InstanceFingerprint
{
    private InstanceFingerprint(Dictionary<(ulong Start, ulong End), Region> ranges) => Ranges = ranges;

    public Dictionary<(ulong Start, ulong End), Region> Ranges { get; }

    public static InstanceFingerprint Of(Capture capture)
    {
        var ranges = new Dictionary<(ulong Start, ulong End), Region>();
        foreach (var region in capture.Regions)
        {
            if (RegionNames.IsPath(region))
                ranges.TryAdd((region.Start, region.End), region);
        }
        return new InstanceFingerprint(ranges);
    }
}

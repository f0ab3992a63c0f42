using Forensics.Model;

namespace Forensics.Importers.Normalisation;

/// <summary>
/// The file-backed ranges of a capture, the key by which captures of one process instance are recognised, and its
/// private writable anonymous ranges but the main stack (heap, thread stacks, malloc arenas), which tell one moment of that instance from another.
/// </summary>
internal sealed class InstanceFingerprint
{
    private InstanceFingerprint(Dictionary<(ulong Start, ulong End), Region> ranges, Dictionary<(ulong Start, ulong End), Region> anonymous)
    {
        Ranges = ranges;
        AnonymousWritable = anonymous;
    }

    public Dictionary<(ulong Start, ulong End), Region> Ranges { get; }

    public Dictionary<(ulong Start, ulong End), Region> AnonymousWritable { get; }

    public static InstanceFingerprint Of(Capture capture)
    {
        var ranges = new Dictionary<(ulong Start, ulong End), Region>();
        var anonymous = new Dictionary<(ulong Start, ulong End), Region>();
        foreach (var region in capture.Regions)
        {
            if (RegionNames.IsPath(region))
                ranges.TryAdd((region.Start, region.End), region);
            else if (region.Permissions.CanWrite == true && region.Permissions.IsShared != true && region.Kind != RegionKind.Stack
                && region.Name is null or "[heap]")
                anonymous.TryAdd((region.Start, region.End), region);
        }
        return new InstanceFingerprint(ranges, anonymous);
    }
}

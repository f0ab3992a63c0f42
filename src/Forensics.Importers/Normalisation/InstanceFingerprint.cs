using Forensics.Model;

namespace Forensics.Importers.Normalisation;

/// <summary>
/// The file-backed ranges of a capture, the key by which captures of one process instance are recognised, and its
/// private writable anonymous ranges but the main stack (heap, thread stacks, malloc arenas), which tell one moment of that instance from another.
/// </summary>
/// <remarks>
/// The anonymous ranges are gathered only when first asked for: they are compared only once the file-backed ranges
/// matched, and a large maps of anonymous lines alone (millions of them) would otherwise fill a dictionary that nothing reads.
/// </remarks>
internal sealed class InstanceFingerprint
{
    private readonly Capture capture;
    private Dictionary<(ulong Start, ulong End), Region>? anonymous;

    private InstanceFingerprint(Capture capture, Dictionary<(ulong Start, ulong End), Region> ranges)
    {
        this.capture = capture;
        Ranges = ranges;
    }

    public Dictionary<(ulong Start, ulong End), Region> Ranges { get; }

    public Dictionary<(ulong Start, ulong End), Region> AnonymousWritable => anonymous ??= AnonymousWritableOf(capture);

    public static InstanceFingerprint Of(Capture capture)
    {
        var ranges = new Dictionary<(ulong Start, ulong End), Region>();
        foreach (var region in capture.Regions)
        {
            if (RegionNames.IsPath(region))
                ranges.TryAdd((region.Start, region.End), region);
        }
        return new InstanceFingerprint(capture, ranges);
    }

    /// <summary>The fingerprint of a capture that no other can match (alone in its folder): no ranges, so it is never compared.</summary>
    public static InstanceFingerprint Alone(Capture capture) => new(capture, []);

    private static Dictionary<(ulong Start, ulong End), Region> AnonymousWritableOf(Capture capture)
    {
        var anonymous = new Dictionary<(ulong Start, ulong End), Region>();
        foreach (var region in capture.Regions)
        {
            if (region.Permissions.CanWrite == true && region.Permissions.IsShared != true
                && region.Kind != RegionKind.Stack && region.Name is null or "[heap]")
                anonymous.TryAdd((region.Start, region.End), region);
        }
        return anonymous;
    }
}

using Forensics.Analysis.Text;
using Forensics.Model;
using static Forensics.Analysis.Text.SentenceValues;

namespace Forensics.Analysis.Layout;

/// <summary>
/// A capture's regions sorted by start and its modules (as normalisation grouped them) sorted by base,
/// for address look-ups.
/// </summary>
internal sealed class AddressMap
{
    private readonly IReadOnlyList<Region> _regions;
    private readonly Module[] _modules;
    private readonly Dictionary<string, Module> _byName = new(StringComparer.Ordinal);

    public AddressMap(Capture capture)
    {
        Capture = capture;
        // Normalisation already ordered them by start: sorting millions of regions again (a large maps) cost more than
        // checking, and copying them 16 MB. Only a strict order is kept as it is, since the sort does not keep equal
        // regions in their order. They are held as a list or an array, which every pass over them walks as a span.
        var regions = RegionSpan.Spannable(capture.Regions);
        _regions = InStrictOrder(regions) ? regions : Sorted(regions);
        _modules = [.. capture.Modules];
        Array.Sort(_modules, static (a, b) => a.Base != b.Base ? a.Base.CompareTo(b.Base) : string.CompareOrdinal(a.Path, b.Path));
        foreach (var module in _modules)
            _byName.TryAdd(module.Name, module);
        MainExecutable = FindMainExecutable();
    }

    private static int CompareBounds(Region a, Region b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End);

    private static Region[] Sorted(IReadOnlyList<Region> regions)
    {
        Region[] sorted = [.. regions];
        Array.Sort(sorted, CompareBounds);
        return sorted;
    }

    private static bool InStrictOrder(IReadOnlyList<Region> regions)
    {
        // Each half checks its pairs; the pair across the halves belongs to the second.
        var halves = RegionHalves.Run(RegionHalves.Middle(regions.Count), regions.Count, (start, end) => InStrictOrder(RegionSpan.Of(regions)[Math.Max(start - 1, 0)..end]));
        return Array.TrueForAll(halves, inOrder => inOrder);
    }

    private static bool InStrictOrder(ReadOnlySpan<Region> regions)
    {
        for (var i = 1; i < regions.Length; i++)
        {
            var previous = regions[i - 1];
            var region = regions[i];
            if (region.Start < previous.Start || (region.Start == previous.Start && region.End <= previous.End))
                return false;
        }
        return true;
    }

    public Capture Capture { get; }
    public IReadOnlyList<Region> Regions => _regions;
    public IReadOnlyList<Module> Modules => _modules;
    public Module? MainExecutable { get; }

    public Region? FindRegion(ulong address)
    {
        var index = LastStartingAtOrBelow(address);
        return index >= 0 && _regions[index].Contains(address) ? _regions[index] : null;
    }

    /// <summary>The nearest region that ends at or below <paramref name="address"/>.</summary>
    public Region? FindRegionBelow(ulong address)
    {
        for (var index = LastStartingAtOrBelow(address); index >= 0; index--)
        {
            if (_regions[index].End <= address)
                return _regions[index];
        }
        return null;
    }

    /// <summary>The nearest region that starts above <paramref name="address"/>.</summary>
    public Region? FindRegionAbove(ulong address)
    {
        var index = LastStartingAtOrBelow(address) + 1;
        return index < _regions.Count ? _regions[index] : null;
    }

    /// <summary>The region that ends exactly where <paramref name="region"/> starts, if any.</summary>
    public Region? AdjacentBelow(Region region)
    {
        var below = region.Start == 0 ? null : FindRegion(region.Start - 1);
        return below is not null && below.End == region.Start ? below : null;
    }

    /// <summary>The module the region holding <paramref name="address"/> belongs to; null when that region belongs to none.</summary>
    public Module? ModuleAt(ulong address) => FindRegion(address) is { Module: { } name } ? ModuleNamed(name) : null;

    /// <summary>The module of that (unique) name.</summary>
    public Module? ModuleNamed(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// Where an address points: the region that holds it decides (docs/region-model.md#modules). A module's region gives
    /// <c>libc.so.6+0x8a4f1</c>; other regions <c>[stack]+0x1f8</c> or <c>thread-stack 0x7f00…+0x10</c>, even inside a
    /// module's extent (old loaders left a hole between their segments that thread stacks filled); no region, <c>unmapped</c>.
    /// </summary>
    public Sentence Describe(ulong address)
    {
        if (FindRegion(address) is not { } region)
            return Unmapped;
        if (region.Module is { } name && ModuleNamed(name) is { } module)
            return Sentence.Of($"{module.Name}+{Address(address - module.Base)}");
        return region.Name is null
            ? Sentence.Of($"{region.Kind.ToId()} {Address(region.Start)}+{Address(address - region.Start)}")
            : Sentence.Of($"{MappingNames.Basename(region.Name)}+{Address(address - region.Start)}");
    }

    /// <summary>Where an address points with ASLR removed: a module and offset, a pseudo-name, or a region kind.</summary>
    public Sentence DescribeStable(ulong address, ulong absoluteBelow)
    {
        if (address < absoluteBelow)
            return Sentence.Of($"{Address(address)}");
        if (FindRegion(address) is not { } region)
            return Unmapped;
        if (region.Module is { } name && ModuleNamed(name) is { } module)
            return Sentence.Of($"{module.Name}+{Address(address - module.Base)}");
        return Sentence.Words(region.HasBracketName ? region.Name! : "[" + region.Kind.ToId() + "]");
    }

    private static readonly Sentence Unmapped = Sentence.Words("unmapped");

    private int LastStartingAtOrBelow(ulong address)
    {
        int low = 0, high = _regions.Count - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) >> 1);
            if (_regions[mid].Start <= address) low = mid + 1;
            else high = mid - 1;
        }
        return high;
    }

    /// <summary>The module normalisation marked from evidence (docs/region-model.md#modules); none without it.</summary>
    private Module? FindMainExecutable() => Array.Find(_modules, m => m.IsMainExecutable);

}

using Forensics.Model;

namespace Forensics.Analysis.Layout;

/// <summary>
/// A capture's regions sorted by start and its modules (as normalisation grouped them) sorted by base,
/// for address look-ups.
/// </summary>
internal sealed class AddressMap
{
    private const ulong AtPhdr = 3, AtEntry = 9;

    private readonly Region[] _regions;
    private readonly Module[] _modules;

    public AddressMap(Capture capture)
    {
        Capture = capture;
        _regions = [.. capture.Regions];
        Array.Sort(_regions, static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        _modules = [.. capture.Modules];
        Array.Sort(_modules, static (a, b) => a.Base != b.Base ? a.Base.CompareTo(b.Base) : string.CompareOrdinal(a.Path, b.Path));
        MainExecutable = FindMainExecutable();
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
        return index < _regions.Length ? _regions[index] : null;
    }

    /// <summary>The region that ends exactly where <paramref name="region"/> starts, if any.</summary>
    public Region? AdjacentBelow(Region region)
    {
        var below = region.Start == 0 ? null : FindRegion(region.Start - 1);
        return below is not null && below.End == region.Start ? below : null;
    }

    public Module? FindModule(ulong address)
    {
        int low = 0, high = _modules.Length - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) >> 1);
            if (_modules[mid].Base <= address) low = mid + 1;
            else high = mid - 1;
        }
        // Modules do not overlap, but a malformed capture may nest them: look back a little.
        for (var index = high; index >= 0 && index > high - 4; index--)
        {
            if (address >= _modules[index].Base && address < _modules[index].End)
                return _modules[index];
        }
        return null;
    }

    /// <summary>Where an address points: <c>libc.so.6+0x8a4f1</c>, <c>[stack]+0x1f8</c>, <c>anon 0x7f00+0x10</c> or <c>unmapped</c>.</summary>
    public string Describe(ulong address)
    {
        if (FindModule(address) is { } module)
            return module.Name + "+" + HexFormat.Address(address - module.Base);
        if (FindRegion(address) is not { } region)
            return "unmapped";
        var offset = "+" + HexFormat.Address(address - region.Start);
        return region.Name is null
            ? region.Kind.ToId() + " " + HexFormat.Address(region.Start) + offset
            : MappingNames.Basename(region.Name) + offset;
    }

    /// <summary>Where an address points with ASLR removed: a module and offset, a pseudo-name, or a region kind.</summary>
    public string DescribeStable(ulong address, ulong absoluteBelow)
    {
        if (address < absoluteBelow)
            return HexFormat.Address(address);
        if (FindModule(address) is { } module)
            return module.Name + "+" + HexFormat.Address(address - module.Base);
        if (FindRegion(address) is not { } region)
            return "unmapped";
        return region.HasBracketName ? region.Name! : "[" + region.Kind.ToId() + "]";
    }

    private int LastStartingAtOrBelow(ulong address)
    {
        int low = 0, high = _regions.Length - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) >> 1);
            if (_regions[mid].Start <= address) low = mid + 1;
            else high = mid - 1;
        }
        return high;
    }

    private Module? FindMainExecutable()
    {
        foreach (var module in _modules)
        {
            if (module.IsMainExecutable)
                return module;
        }
        foreach (var type in (ReadOnlySpan<ulong>)[AtPhdr, AtEntry])
        {
            foreach (var entry in Capture.Auxv)
            {
                if (entry.Type == type && FindModule(entry.Value) is { } module)
                    return module;
            }
        }
        foreach (var image in Capture.Images)
        {
            if (image.IsExecutable && Array.Find(_modules, m => m.Base == image.Base) is { } module)
                return module;
        }
        if (Capture.ProcessName is { Length: > 0 } process
            && Array.Find(_modules, m => string.Equals(m.Name, MappingNames.Basename(process), StringComparison.Ordinal)) is { } named)
            return named;
        return Array.Find(_modules, m => !IsLibraryName(m.Name));
    }

    private static bool IsLibraryName(string name) =>
        name.StartsWith('[') || name.Contains(".so", StringComparison.Ordinal);
}

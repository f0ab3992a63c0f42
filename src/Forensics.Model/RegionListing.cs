namespace Forensics.Model;

/// <summary>What <see cref="CaptureBuilder"/> and <see cref="Capture"/> both say of their regions.</summary>
internal static class RegionListing
{
    public static ulong TotalSize(IReadOnlyList<Region> regions)
    {
        ulong total = 0;
        foreach (var region in regions)
            total += region.Size;
        return total;
    }

    /// <summary>The region holding <paramref name="address"/> among <paramref name="regions"/> sorted by start, or null.</summary>
    public static Region? Find(IReadOnlyList<Region> regions, ulong address)
    {
        // Binary search the last start <= address.
        int low = 0, high = regions.Count - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) >> 1);
            if (regions[mid].Start <= address) low = mid + 1;
            else high = mid - 1;
        }
        return high >= 0 && regions[high].Contains(address) ? regions[high] : null;
    }
}

using System.Collections.Concurrent;

namespace Forensics.Pipeline.Importing;

/// <summary>
/// One instance of each region string a batch repeats across its inputs (library paths, devices, VmFlags): importers
/// intern within one document, so ten thousand captures of one program held ten thousand copies of each, all kept
/// until the reports are written. Thread-safe; the values are the same, only the copies go.
/// </summary>
internal sealed class BatchStrings
{
    private readonly ConcurrentDictionary<string, string> _pool = new(StringComparer.Ordinal);

    /// <summary>Replaces the strings of <paramref name="result"/>'s regions with the batch's instances.</summary>
    public void Share(InputResult result)
    {
        var names = new Last(this);
        var devices = new Last(this);
        var modules = new Last(this);
        var flags = new Last(this);
        foreach (var capture in result.Captures)
        {
            // Only a copy is replaced: a region's setters do more than store, and most strings are shared already.
            foreach (var region in capture.Regions)
            {
                if (names.Share(region.Name) is var name && !ReferenceEquals(name, region.Name))
                    region.Name = name;
                if (devices.Share(region.Device) is var device && !ReferenceEquals(device, region.Device))
                    region.Device = device;
                if (modules.Share(region.Module) is var module && !ReferenceEquals(module, region.Module))
                    region.Module = module;
                if (flags.Share(region.VmFlags) is var vmFlags && !ReferenceEquals(vmFlags, region.VmFlags))
                    region.VmFlags = vmFlags;
            }
        }
    }

    /// <summary>
    /// The last string shared and what it became: neighbouring regions mostly hold the same instance (a document's own
    /// interning), which then costs a comparison of references rather than a hash.
    /// </summary>
    private struct Last(BatchStrings strings)
    {
        private string? _given;
        private string? _shared;

        public string? Share(string? value)
        {
            if (value is null || ReferenceEquals(value, _given))
                return value is null ? null : _shared;
            _given = value;
            _shared = strings._pool.GetOrAdd(value, value);
            return _shared;
        }
    }
}

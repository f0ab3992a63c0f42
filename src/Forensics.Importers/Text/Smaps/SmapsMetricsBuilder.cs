using Forensics.Model;

namespace Forensics.Importers.Text.Smaps;

/// <summary>
/// Collects smaps keys of one record by name (never by position: the key set and order change with the kernel)
/// and builds <see cref="RegionMetrics"/> in bytes. pmap -X/-XX columns carry the same key names.
/// </summary>
internal struct SmapsMetricsBuilder
{
    private ulong? _rss, _pss, _sharedClean, _sharedDirty, _privateClean, _privateDirty, _anonymous, _swap, _locked, _dirty;
    private List<KeyValuePair<string, ulong>>? _other;

    public bool HasValues { get; private set; }

    /// <summary>The <c>Size:</c> key in bytes, where present (checked against the header's range).</summary>
    public ulong? Size { get; private set; }

    /// <summary>Adds one key; <paramref name="value"/> is in bytes for kB keys and raw otherwise.</summary>
    public void Add(string key, ulong value)
    {
        HasValues = true;
        switch (key)
        {
            case "Rss": _rss = value; break;
            case "Pss": _pss = value; break;
            case "Shared_Clean": _sharedClean = value; break;
            case "Shared_Dirty": _sharedDirty = value; break;
            case "Private_Clean": _privateClean = value; break;
            case "Private_Dirty": _privateDirty = value; break;
            case "Anonymous": _anonymous = value; break;
            case "Swap": _swap = value; break;
            case "Locked": _locked = value; break;
            case "Size": Size = value; AddOther(key, value); break;
            default: AddOther(key, value); break;
        }
    }

    /// <summary>A dirty figure that a source gives directly (pmap -x's Dirty column).</summary>
    public void SetDirty(ulong value)
    {
        HasValues = true;
        _dirty = value;
    }

    private void AddOther(string key, ulong value) => (_other ??= []).Add(new(key, value));

    public readonly RegionMetrics? Build()
    {
        if (!HasValues)
            return null;
        return new RegionMetrics
        {
            Rss = _rss,
            Pss = _pss,
            SharedClean = _sharedClean,
            SharedDirty = _sharedDirty,
            PrivateClean = _privateClean,
            PrivateDirty = _privateDirty,
            // procps computes pmap -x's Dirty the same way: Shared_Dirty + Private_Dirty.
            Dirty = _dirty ?? (_sharedDirty is { } shared && _privateDirty is { } priv ? shared + priv : null),
            Anonymous = _anonymous,
            Swap = _swap,
            Locked = _locked,
            Other = _other is null ? [] : _other,
        };
    }
}

namespace Forensics.Importers.Text;

/// <summary>
/// Interns the names, devices and keys of one capture so a repeated value is allocated once,
/// looked up from the span without building a string first.
/// </summary>
internal sealed class NameTable
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private string _last = "";

    public NameTable() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Intern(ReadOnlySpan<char> text)
    {
        // Neighbouring lines mostly repeat a value (the device 00:00, the segments of one library): comparing with
        // the last one is cheaper than hashing.
        if (text.SequenceEqual(_last))
            return _last;
        if (text.IsEmpty)
            return "";
        if (!_lookup.TryGetValue(text, out var interned))
        {
            interned = text.ToString();
            _strings.Add(interned);
        }
        _last = interned;
        return interned;
    }
}

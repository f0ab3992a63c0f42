namespace Forensics.Importers.Text;

/// <summary>
/// Interns the names, devices and keys of one capture so a repeated value is allocated once,
/// looked up from the span without building a string first.
/// </summary>
internal sealed class NameTable
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameTable() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Intern(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
            return "";
        if (_lookup.TryGetValue(text, out var existing))
            return existing;
        var created = text.ToString();
        _strings.Add(created);
        return created;
    }
}

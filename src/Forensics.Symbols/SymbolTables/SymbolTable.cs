namespace Forensics.Symbols.SymbolTables;

/// <summary>
/// Function symbols sorted by address. A PC is named by the last symbol at or below it, and only when it lies inside
/// that symbol's size: a PC past the end of a sized symbol is in a function the table does not name (a static
/// function of a stripped library), and naming it after its neighbour would be wrong — gdb prints <c>??</c> there too.
/// </summary>
internal sealed class SymbolTable
{
    private readonly FunctionSymbol[] _symbols;

    public SymbolTable(IEnumerable<FunctionSymbol> symbols)
    {
        // One symbol per address: sized before unsized, global before weak or local, a public name before an
        // underscored one, then the first in table order (free before its compatibility alias cfree in libc).
        // One sort of the whole table puts the symbol kept for each address first among those at that address.
        var all = symbols.ToArray();
        var order = new int[all.Length];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        Array.Sort(order, (left, right) => Preference(all[left], all[right]) is var compared and not 0 ? compared : left.CompareTo(right));
        var kept = new List<FunctionSymbol>(all.Length);
        foreach (var index in order)
        {
            if (kept.Count == 0 || kept[^1].Address != all[index].Address)
                kept.Add(all[index]);
        }
        _symbols = [.. kept];
    }

    private static int Preference(in FunctionSymbol left, in FunctionSymbol right)
    {
        var compared = left.Address.CompareTo(right.Address);
        if (compared == 0)
            compared = (right.Size > 0).CompareTo(left.Size > 0);
        if (compared == 0)
            compared = right.IsGlobal.CompareTo(left.IsGlobal);
        if (compared == 0)
            compared = left.Name.StartsWith('_').CompareTo(right.Name.StartsWith('_'));
        return compared;
    }

    public static SymbolTable Empty { get; } = new([]);
    public int Count => _symbols.Length;
    /// <summary>Every symbol kept, by address.</summary>
    public IReadOnlyList<FunctionSymbol> All => _symbols;

    public FunctionSymbol? Find(ulong address)
    {
        int low = 0, high = _symbols.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            if (_symbols[middle].Address <= address) low = middle + 1;
            else high = middle - 1;
        }
        if (high < 0)
            return null;
        var symbol = _symbols[high];
        return symbol.Size > 0 && address - symbol.Address >= symbol.Size ? null : symbol;
    }
}

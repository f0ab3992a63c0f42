namespace Forensics.Analysis.Comparison.Programs;

/// <summary>
/// Text compared with its runs of digits as numbers, so <c>run-2</c> comes before <c>run-10</c>; otherwise ordinal,
/// so the order is the same on every machine.
/// </summary>
public sealed class NaturalOrder : IComparer<string>
{
    public static readonly NaturalOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
            return x is null ? (y is null ? 0 : -1) : 1;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var order = CompareNumbers(x, ref i, y, ref j);
                if (order != 0)
                    return order;
                continue;
            }
            if (x[i] != y[j])
                return x[i].CompareTo(y[j]);
            i++;
            j++;
        }
        var lengths = (x.Length - i).CompareTo(y.Length - j);
        return lengths != 0 ? lengths : string.CompareOrdinal(x, y);
    }

    /// <summary>Compares the digit runs at <paramref name="i"/> and <paramref name="j"/> by value, whatever their length, and moves past them.</summary>
    private static int CompareNumbers(string x, ref int i, string y, ref int j)
    {
        var first = Run(x, ref i);
        var second = Run(y, ref j);
        var order = first.Length.CompareTo(second.Length);
        return order != 0 ? order : first.CompareTo(second, StringComparison.Ordinal);
    }

    private static ReadOnlySpan<char> Run(string text, ref int index)
    {
        var start = index;
        while (index < text.Length && char.IsAsciiDigit(text[index]))
            index++;
        var digits = text.AsSpan(start, index - start);
        var significant = digits.TrimStart('0');
        return significant.IsEmpty ? digits[^1..] : significant;
    }
}

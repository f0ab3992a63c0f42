using System.Globalization;

namespace Forensics.Analysis;

/// <summary>Addresses and offsets as reports print them: <c>0x</c>-prefixed lower-case hex.</summary>
internal static class HexFormat
{
    public static string Address(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>A signed difference (<c>+0x1000</c>, <c>-0x2000</c>, <c>0x0</c>) of two unsigned addresses.</summary>
    public static string Delta(ulong from, ulong to) =>
        to == from ? "0x0" : to > from ? "+" + Address(to - from) : "-" + Address(from - to);

    /// <summary>A signed byte difference as decimal (<c>+67108864</c>, <c>-4096</c>, <c>0</c>).</summary>
    public static string ByteDelta(ulong from, ulong to) =>
        to == from ? "0" : to > from
            ? "+" + (to - from).ToString(CultureInfo.InvariantCulture)
            : "-" + (from - to).ToString(CultureInfo.InvariantCulture);

    public static string Decimal(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Decimal(int value) => value.ToString(CultureInfo.InvariantCulture);
}

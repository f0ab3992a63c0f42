using System.Globalization;

namespace Forensics.Analysis;

/// <summary>
/// Addresses and numbers inside the sentences Analysis writes (finding messages, crash summaries, evidence,
/// signatures). Report columns are printed by Reports from typed values; these sentences are still built here.
/// </summary>
internal static class HexFormat
{
    public static string Address(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    public static string Decimal(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Decimal(int value) => value.ToString(CultureInfo.InvariantCulture);
}

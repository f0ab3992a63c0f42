namespace Forensics.Importers.Text.Pmap;

/// <summary>
/// One numeric (or VmFlags) column of a pmap table: its header title, where the title ends (columns are
/// right-justified, so that is where every value of the column ends), and the running sum of its values.
/// </summary>
internal sealed class PmapColumn(string title, int end)
{
    public string Title { get; } = title;
    /// <summary>Exclusive end of the title in the header line; -1 when the header did not give positions.</summary>
    public int End { get; } = end;
    /// <summary>The column holds kibibytes (everything but THPeligible, ProtectionKey and VmFlags).</summary>
    public bool IsKibibytes { get; } = title is not ("THPeligible" or "ProtectionKey" or "VmFlags");
    public bool IsFlags => Title == "VmFlags";
    public ulong Sum { get; set; }
    public bool HasValues { get; set; }
}

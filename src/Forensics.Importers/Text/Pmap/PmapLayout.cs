namespace Forensics.Importers.Text.Pmap;

/// <summary>The row layouts of pmap, decided from the column header (or the first row when there is none).</summary>
internal enum PmapLayout
{
    /// <summary>No column header: default and <c>-q</c> (address, size with <c>K</c>, mode, name).</summary>
    Default,
    /// <summary><c>-x</c>: address, Kbytes and further numeric columns, mode, name.</summary>
    Extended,
    /// <summary><c>-d</c>: address, Kbytes, mode, offset, device, name.</summary>
    Device,
    /// <summary><c>-X</c> / <c>-XX</c>: right-justified columns named by smaps keys.</summary>
    Dynamic,
}

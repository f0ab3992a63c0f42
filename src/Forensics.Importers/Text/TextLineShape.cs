namespace Forensics.Importers.Text;

/// <summary>What one line of a text capture looks like (see <see cref="TextLineClassifier"/>).</summary>
public enum TextLineShape
{
    Blank,
    /// <summary><c>start-end perms offset dev inode [name]</c> (maps, and the header of each smaps record).</summary>
    MapsLine,
    /// <summary><c>Key:   N kB</c> (or a bare number for THPeligible/ProtectionKey).</summary>
    SmapsKey,
    SmapsVmFlags,
    /// <summary><c>PID:   cmdline</c> (three spaces).</summary>
    PmapProcpsHeader,
    /// <summary><c>PID: cmdline</c> (one space: busybox, toybox).</summary>
    PmapBusyboxHeader,
    /// <summary><c>Address  Kbytes ...</c> and the other pmap column headers.</summary>
    PmapColumnHeader,
    PmapRow,
    /// <summary><c> total  NK</c>, <c>total kB ...</c>, <c>mapped: ...</c>, dashes and <c>=</c> rules, <c>-X</c> totals.</summary>
    PmapFooter,
    /// <summary><c>process N</c> (Linux) or <c>process N flags:</c> (Solaris and illumos procfs).</summary>
    GdbProcess,
    GdbMappedAddressSpaces,
    /// <summary>The <c>Start Addr   End Addr ...</c> header.</summary>
    GdbColumnHeader,
    GdbRow,
    /// <summary>A mark where whoever pasted the listing cut rows out: <c>...</c>, <c>[...]</c>, <c>&lt;snip&gt;</c>, <c>---snip---</c>.</summary>
    Elision,
    Other,
}

namespace Forensics.Importers.Text;

/// <summary>Diagnostic ids of the text-capture parsers (range FX1xxx).</summary>
public static class TextDiagnosticIds
{
    /// <summary>A maps (or smaps header) line could not be parsed.</summary>
    public const string MapsLineMalformed = "FX1001";
    /// <summary>A range ends before it starts.</summary>
    public const string RangeReversed = "FX1002";
    /// <summary>An anonymous mapping printed a non-zero offset (very old kernels printed the page offset).</summary>
    public const string AnonymousOffset = "FX1003";
    /// <summary>A line that no parser of the format expected.</summary>
    public const string UnexpectedLine = "FX1004";
    /// <summary>The capture holds no region at all.</summary>
    public const string NoRegions = "FX1005";
    /// <summary>Whoever pasted the listing cut rows out at this line (<c>...</c>, <c>&lt;snip&gt;</c>); its totals cannot be checked.</summary>
    public const string RowsElided = "FX1006";

    /// <summary>An smaps key line could not be parsed, or came before any mapping.</summary>
    public const string SmapsKeyMalformed = "FX1010";
    /// <summary>The smaps <c>Size:</c> key disagrees with the header's range.</summary>
    public const string SmapsSizeMismatch = "FX1011";
    /// <summary>The range an smaps_rollup record covers (informational).</summary>
    public const string RollupRange = "FX1012";
    /// <summary>A smaps_rollup total differs from the sum of the same instance's smaps records.</summary>
    public const string RollupTotalMismatch = "FX1013";

    /// <summary>A pmap row could not be parsed.</summary>
    public const string PmapRowMalformed = "FX1020";
    /// <summary>A total that pmap declares differs from the sum of its rows.</summary>
    public const string PmapTotalMismatch = "FX1021";
    /// <summary>A pmap row repeats the address of an earlier row (procps-ng 3.3.x prints rows twice).</summary>
    public const string PmapDuplicateRow = "FX1022";
    /// <summary>A pmap capture ends without its footer.</summary>
    public const string PmapFooterMissing = "FX1023";
    /// <summary>The pmap header line (<c>PID:   cmdline</c>) is missing or malformed.</summary>
    public const string PmapHeaderMissing = "FX1024";

    /// <summary>A gdb mapping row could not be parsed.</summary>
    public const string GdbRowMalformed = "FX1030";
    /// <summary>gdb's Size column disagrees with End − Start.</summary>
    public const string GdbSizeMismatch = "FX1031";
    /// <summary>A gdb core listing row was split by a newline inside the file name.</summary>
    public const string GdbNameContinued = "FX1032";
    /// <summary>No <c>Start Addr</c> column header was found.</summary>
    public const string GdbHeaderMissing = "FX1033";
    /// <summary>A gdb listing from another system than Linux (Solaris and illumos procfs: Flags column, inclusive End Addr).</summary>
    public const string GdbForeignSystem = "FX1034";
}

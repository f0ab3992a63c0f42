namespace Forensics.Model;

/// <summary>
/// What an importer makes of one view of one process's address space, before normalisation: mutable, regions in the
/// importer's order, kinds unset except the ones it states (<see cref="Region.StatedKind"/>). Importers fill it, the
/// stack walk and the ClrMD annotation add to it, and normalisation turns it into a read-only <see cref="Capture"/>;
/// analysis and reports take only that.
/// </summary>
public sealed class CaptureBuilder
{
    /// <summary>Stable identifier, a slug made from the input path and position (set by the importer pipeline).</summary>
    public string Id { get; set; } = "";
    /// <summary>Input path as given (relative to the analysed root where possible).</summary>
    public string InputPath { get; set; } = "";
    /// <summary>1-based inclusive line range within a text input; null for binary inputs or whole files.</summary>
    public (int First, int Last)? LineRange { get; set; }
    /// <summary>SHA-256 of the input file, lower-case hex.</summary>
    public string Sha256 { get; set; } = "";
    public CaptureFormat Format { get; set; }
    /// <summary>The layout within the format: <c>procps-ng -x</c>, <c>gdb ≥ 12 (Perms)</c>, <c>kernel core</c>, <c>gdb gcore</c>.</summary>
    public string Variant { get; set; } = "";

    public Architecture Architecture { get; set; }
    /// <summary>The reasons that decided <see cref="Architecture"/>, in plain words.</summary>
    public List<string> ArchitectureEvidence { get; } = [];

    public int? Pid { get; set; }
    /// <summary>Command name (comm, or the executable's basename).</summary>
    public string? ProcessName { get; set; }
    public string? CommandLine { get; set; }

    public List<Region> Regions { get; } = [];
    public List<Module> Modules { get; } = [];
    /// <summary>ELF images found in core memory, with build-ids; attached to <see cref="Modules"/> by normalisation.</summary>
    public List<ImageIdentity> Images { get; } = [];

    public List<ThreadInfo> Threads { get; } = [];
    /// <summary>The message glibc keeps for abort() (<c>__abort_msg</c>), where its pages are in the core.</summary>
    public string? AbortMessage { get; set; }
    public SignalInfo? Signal { get; set; }
    public ProcessInfo? Process { get; set; }
    public List<AuxvEntry> Auxv { get; } = [];
    /// <summary>Notes present in a core, as <c>OWNER:TYPE</c> names with counts.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>
    /// Why this capture cannot be analysed (a core of another system or machine, a kdump vmcore of a whole kernel);
    /// null when it can. Such a capture keeps its regions but gets no crash verdict and no findings.
    /// </summary>
    public string? UnsupportedReason { get; set; }

    /// <summary>The .NET runtime found in a core, where ClrMD could read it.</summary>
    public ManagedRuntime? Runtime { get; set; }

    /// <summary>Capture-level totals (smaps_rollup).</summary>
    public RegionMetrics? Totals { get; set; }
    /// <summary>
    /// The range <see cref="Totals"/> cover, as smaps_rollup's header gives it: the first mapping's start to the last
    /// one's end; what recognises the smaps or maps of the same process instance.
    /// </summary>
    public (ulong Start, ulong End)? TotalsRange { get; set; }
    public List<DeclaredTotal> DeclaredTotals { get; } = [];

    /// <summary>What a crash container (apport, minidump, systemd-coredump) states beside the regions, in its own order.</summary>
    public List<CaptureFact> Facts { get; } = [];

    /// <summary>Every input merged into this capture (the same process instance seen by several tools).</summary>
    public List<string> MergedInputs { get; } = [];

    public DiagnosticBag Diagnostics { get; } = new();

    public ulong MappedBytes => RegionListing.TotalSize(Regions);

    /// <summary>The region holding <paramref name="address"/>, or null; the regions must be sorted by start.</summary>
    public Region? FindRegion(ulong address) => RegionListing.Find(Regions, address);
}

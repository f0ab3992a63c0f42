namespace Forensics.Model;

/// <summary>
/// One view of one process's address space at one moment, from one or more sources, normalised: regions sorted by
/// start and classified, the architecture decided, modules grouped. Read-only; normalisation makes it from a
/// <see cref="CaptureBuilder"/> (docs/architecture.md#a-captures-life).
/// </summary>
public sealed record Capture
{
    /// <summary>Stable identifier, a slug made from the input path and position (set by the importer pipeline).</summary>
    public string Id { get; init; } = "";
    /// <summary>Input path as given (relative to the analysed root where possible).</summary>
    public string InputPath { get; init; } = "";
    /// <summary>1-based inclusive line range within a text input; null for binary inputs or whole files.</summary>
    public (int First, int Last)? LineRange { get; init; }
    /// <summary>SHA-256 of the input file, lower-case hex.</summary>
    public string Sha256 { get; init; } = "";
    public CaptureFormat Format { get; init; }
    /// <summary>The layout within the format: <c>procps-ng -x</c>, <c>gdb ≥ 12 (Perms)</c>, <c>kernel core</c>, <c>gdb gcore</c>.</summary>
    public string Variant { get; init; } = "";

    public Architecture Architecture { get; init; }
    /// <summary>The reasons that decided <see cref="Architecture"/>, in plain words.</summary>
    public IReadOnlyList<string> ArchitectureEvidence { get; init; } = [];

    public int? Pid { get; init; }
    /// <summary>Command name (comm, or the executable's basename).</summary>
    public string? ProcessName { get; init; }
    public string? CommandLine { get; init; }

    /// <summary>The regions, sorted by start.</summary>
    public IReadOnlyList<Region> Regions { get; init; } = [];
    public IReadOnlyList<Module> Modules { get; init; } = [];
    /// <summary>ELF images found in core memory, with build-ids; attached to <see cref="Modules"/> by normalisation.</summary>
    public IReadOnlyList<ImageIdentity> Images { get; init; } = [];

    public IReadOnlyList<ThreadInfo> Threads { get; init; } = [];
    /// <summary>The message glibc keeps for abort() (<c>__abort_msg</c>), where its pages are in the core.</summary>
    public string? AbortMessage { get; init; }
    public SignalInfo? Signal { get; init; }
    public ProcessInfo? Process { get; init; }
    public IReadOnlyList<AuxvEntry> Auxv { get; init; } = [];
    /// <summary>Notes present in a core, as <c>OWNER:TYPE</c> names with counts.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// Why this capture cannot be analysed (a core of another system or machine, a kdump vmcore of a whole kernel);
    /// null when it can. Such a capture keeps its regions but gets no crash verdict and no findings.
    /// </summary>
    public string? UnsupportedReason { get; init; }

    /// <summary>The .NET runtime found in a core, where ClrMD could read it.</summary>
    public ManagedRuntime? Runtime { get; init; }

    /// <summary>Capture-level totals (smaps_rollup).</summary>
    public RegionMetrics? Totals { get; init; }
    /// <summary>
    /// The range <see cref="Totals"/> cover, as smaps_rollup's header gives it: the first mapping's start to the last
    /// one's end; what recognises the smaps or maps of the same process instance.
    /// </summary>
    public (ulong Start, ulong End)? TotalsRange { get; init; }
    public IReadOnlyList<DeclaredTotal> DeclaredTotals { get; init; } = [];

    /// <summary>What a crash container (apport, minidump, systemd-coredump) states beside the regions, in its own order.</summary>
    public IReadOnlyList<CaptureFact> Facts { get; init; } = [];

    /// <summary>Every input merged into this capture (the same process instance seen by several tools).</summary>
    public IReadOnlyList<string> MergedInputs { get; init; } = [];

    public DiagnosticList Diagnostics { get; init; } = DiagnosticList.Empty;

    public ulong MappedBytes => RegionListing.TotalSize(Regions);

    /// <summary>The region holding <paramref name="address"/>, or null.</summary>
    public Region? FindRegion(ulong address) => RegionListing.Find(Regions, address);
}

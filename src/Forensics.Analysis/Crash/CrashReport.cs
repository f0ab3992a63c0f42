namespace Forensics.Analysis.Crash;

/// <summary>The crash analysis of one core.</summary>
public sealed record CrashReport
{
    public required CrashVerdict Verdict { get; init; }
    /// <summary>The verdict in plain words, one sentence.</summary>
    public required string Summary { get; init; }
    /// <summary>The facts that led to the verdict, one per line.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
    /// <summary>Stable across runs: signal + module + offset of the PC, ASLR removed (<c>SIGSEGV@crash_null+0x1139</c>).</summary>
    public string Signature { get; init; } = "";
    public int? SignalNumber { get; init; }
    public string? SignalName { get; init; }
    public int? SignalCode { get; init; }
    public string? SignalCodeName { get; init; }
    public ulong? FaultAddress { get; init; }
    public IReadOnlyList<ThreadLocation> Threads { get; init; } = [];
}

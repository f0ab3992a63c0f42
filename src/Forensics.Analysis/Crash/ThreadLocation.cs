using Forensics.Analysis.Text;
using Forensics.Model;

namespace Forensics.Analysis.Crash;

/// <summary>Where one thread's PC and SP point: region, kind and module+offset.</summary>
public sealed record ThreadLocation
{
    public required int Tid { get; init; }
    public bool IsCrashing { get; init; }
    public int Signal { get; init; }
    public ulong ProgramCounter { get; init; }
    public ulong StackPointer { get; init; }
    /// <summary><c>libc.so.6+0x8a4f1</c>, or the region's kind and name where no module covers the PC.</summary>
    public Sentence ProgramCounterLocation { get; init; } = Sentence.Empty;
    public Sentence StackPointerLocation { get; init; } = Sentence.Empty;
    /// <summary>Kind of the region holding the PC; null when the PC is in no region.</summary>
    public RegionKind? ProgramCounterKind { get; init; }
    public RegionKind? StackPointerKind { get; init; }
    /// <summary>The region holding the PC as <c>start-end perms name</c>; null when unmapped.</summary>
    public Sentence? ProgramCounterRegion { get; init; }
    public Sentence? StackPointerRegion { get; init; }
    /// <summary>The thread's stack, innermost first, where it was walked.</summary>
    public IReadOnlyList<StackFrame> Frames { get; init; } = [];
}

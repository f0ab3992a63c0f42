namespace Forensics.Symbols.CallFrames;

/// <summary>An FDE: the code range <c>[Begin, End)</c> it covers, its CIE and its own rules.</summary>
internal sealed record FrameDescriptionEntry
{
    public required CommonInformationEntry Cie { get; init; }
    public required ulong Begin { get; init; }
    public required ulong End { get; init; }
    public required byte[] Instructions { get; init; }
}

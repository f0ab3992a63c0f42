namespace Forensics.Symbols.CallFrames;

/// <summary>A CIE: what the FDEs that point at it share (alignment factors, return-address column, initial rules).</summary>
internal sealed record CommonInformationEntry
{
    public required ulong Address { get; init; }
    public required ulong CodeAlignment { get; init; }
    public required long DataAlignment { get; init; }
    public required int ReturnAddressRegister { get; init; }
    /// <summary>DW_EH_PE encoding of the FDEs' addresses (augmentation <c>R</c>); absolute without it.</summary>
    public byte AddressEncoding { get; init; }
    /// <summary>Augmentation <c>z</c>: FDEs carry an augmentation-data length to skip.</summary>
    public bool HasAugmentationData { get; init; }
    /// <summary>Augmentation <c>S</c>: the FDEs describe a signal trampoline, whose caller's PC is not a return address.</summary>
    public bool IsSignalFrame { get; init; }
    public required byte[] Instructions { get; init; }
}

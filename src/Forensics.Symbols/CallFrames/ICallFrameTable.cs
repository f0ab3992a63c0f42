namespace Forensics.Symbols.CallFrames;

/// <summary>Finds the FDE that covers a link-time PC.</summary>
internal interface ICallFrameTable
{
    FrameDescriptionEntry? Find(ulong pc);
    /// <summary>The last malformed entry met, with its address; null while everything read was well formed.</summary>
    string? Problem { get; }
}

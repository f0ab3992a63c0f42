namespace Forensics.Symbols.CallFrames;

/// <summary>The two homes of CFI: <c>.eh_frame</c> (loaded, GNU encodings) and <c>.debug_frame</c> (DWARF, not loaded).</summary>
internal enum CallFrameSectionKind
{
    EhFrame,
    DebugFrame,
}

using Forensics.Model;

namespace Forensics.Importers.Detection;

/// <summary>
/// One capture found in a text document: its format, 1-based inclusive line range, its text (with a common
/// indentation of a pasted block removed) as UTF-8, and what the prompt or heading above it says of the process.
/// </summary>
public sealed record DocumentSection(
    CaptureFormat Format,
    int FirstLine,
    int LastLine,
    ReadOnlyMemory<byte> Text,
    CommandHint? Hint);

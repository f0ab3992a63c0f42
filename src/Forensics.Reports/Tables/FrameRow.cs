using Forensics.Model;

namespace Forensics.Reports.Tables;

/// <summary>One row of frames.csv: a frame of a thread of a capture, with its position from the innermost (0).</summary>
public readonly record struct FrameRow(Capture Capture, int Tid, bool Crashing, int Index, StackFrame Frame);

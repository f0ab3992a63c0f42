using Forensics.Model;

namespace Forensics.Reports;

/// <summary>How a stack frame is shown in a table, the same on pages and terminals.</summary>
public static class FrameText
{
    /// <summary>Frames shown per thread; frames.csv holds every one (a deep recursion has thousands).</summary>
    public const int ShownFrames = 40;

    public static IReadOnlyList<string> Headers { get; } = ["frame", "function", "module+offset", "file:line", "method"];

    /// <summary>Number, function+offset (<c>??</c> without a symbol), module+offset, file:line, how it was found.</summary>
    public static IReadOnlyList<string> Cells(StackFrame frame, int index) =>
    [
        ReportValues.Number(index),
        frame.Function is { } name ? (frame.FunctionOffset is > 0 ? name + "+" + ReportValues.Address(frame.FunctionOffset) : name) : "??",
        frame.Module is { } module ? module + "+" + ReportValues.Address(frame.ModuleOffset) : ReportValues.Address(frame.ProgramCounter),
        frame.File is { } file ? file + ":" + ReportValues.Number(frame.Line) : "",
        frame.Method.ToId(),
    ];

    /// <summary>The line under a cut table: how many frames were left out.</summary>
    public static string? More(int count) =>
        count > ShownFrames ? "… and " + ReportValues.Number(count - ShownFrames) + " more frames (all in frames.csv)." : null;
}

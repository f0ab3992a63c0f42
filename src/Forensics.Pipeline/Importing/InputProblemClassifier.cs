using Forensics.Elf;
using Forensics.Importers.Core;
using Forensics.Importers.Detection;
using Forensics.Model;

namespace Forensics.Pipeline.Importing;

/// <summary>Names the problem of a partial or failed input from the diagnostic that decided its status.</summary>
internal static class InputProblemClassifier
{
    /// <summary>The problem a diagnostic id stands for; <see cref="InputProblem.Corrupt"/> for any other format error.</summary>
    public static InputProblem FromDiagnosticId(string? id) => id switch
    {
        DetectionDiagnosticIds.EmptyInput => InputProblem.Empty,
        DetectionDiagnosticIds.NotACapture or DetectionDiagnosticIds.NoCaptureInText
            or CoreDiagnosticIds.NotCore or ElfDiagnosticIds.NotElf => InputProblem.NotACapture,
        DetectionDiagnosticIds.TextTooLarge => InputProblem.TooLarge,
        DetectionDiagnosticIds.NestedCompression => InputProblem.TooDeep,
        DetectionDiagnosticIds.UnreadableInput => InputProblem.Unreadable,
        DetectionDiagnosticIds.PermissionDenied => InputProblem.PermissionDenied,
        DetectionDiagnosticIds.PathNotFound => InputProblem.NotFound,
        DetectionDiagnosticIds.BrokenSymbolicLink => InputProblem.BrokenLink,
        DetectionDiagnosticIds.DirectoryLoop => InputProblem.DirectoryLoop,
        DetectionDiagnosticIds.ChangedWhileReading => InputProblem.ChangedWhileReading,
        DetectionDiagnosticIds.TimeLimit => InputProblem.TimeLimit,
        DetectionDiagnosticIds.MemoryLimit => InputProblem.MemoryLimit,
        DetectionDiagnosticIds.ImporterFault => InputProblem.ImporterFault,
        CoreDiagnosticIds.Truncated or ElfDiagnosticIds.SegmentPastEnd or ElfDiagnosticIds.ProgramHeadersPastEnd
            or ElfDiagnosticIds.NoteSegmentTruncated or ElfDiagnosticIds.TruncatedHeader => InputProblem.Truncated,
        CoreDiagnosticIds.UnsupportedMachine or CoreDiagnosticIds.KernelDump or CoreDiagnosticIds.NonLinux
            or ElfDiagnosticIds.UnsupportedClass or ElfDiagnosticIds.UnsupportedByteOrder => InputProblem.Unsupported,
        _ => InputProblem.Corrupt,
    };
}

using Forensics.Analysis.Crash;
using Forensics.Model;
using static Forensics.Reports.Markdown.MarkdownCell;

namespace Forensics.Reports.Markdown;

/// <summary>
/// The crash section of a capture report: verdict, signature, crashing thread and the module it faulted in, evidence,
/// where each thread was, and the managed threads.
/// </summary>
internal static class CrashSection
{
    public static void Write(MarkdownDocument document, CrashReport crash, Capture capture)
    {
        document.Heading(2, "Crash");
        document.Paragraph(Bold(ReportValues.Verdict(crash.Verdict)), Trusted(": "), crash.Summary);
        var facts = new List<MarkdownCell>();
        if (!crash.Signature.IsEmpty)
            facts.Add(Trusted("Signature: " + ((MarkdownCell)crash.Signature).Markdown));
        if (crash.AbortMessage is { } message)
            facts.Add(Trusted("Abort message: " + ((MarkdownCell)message).Markdown));
        if (crash.SignalName is { } signal)
            facts.Add(Trusted("Signal: " + ((MarkdownCell)(signal + " (" + ReportValues.Number(crash.SignalNumber) + ")")).Markdown
                + (crash.SignalCodeName is { } code ? ", code " + ((MarkdownCell)code).Markdown : "")));
        if (crash.FaultAddress is { } fault)
            facts.Add(Trusted("Fault address: " + ReportValues.Address(fault) + (crash.FaultLocation is { } where ? " in " + ((MarkdownCell)where).Markdown : "")));
        if (crash.SenderPid is { } sender)
            facts.Add(Trusted("Sent by PID " + ReportValues.Number(sender)));
        if (crash.CrashingThreadId is { } tid)
            facts.Add(Trusted("Crashing thread: " + ReportValues.Number(tid)));
        if (crash.Threads.FirstOrDefault(t => t.IsCrashing) is { } crashing)
            facts.Add(FaultingModule(crashing.ProgramCounter, capture));
        document.Bullets(facts);
        if (crash.Threads.FirstOrDefault(t => t.IsCrashing) is { Frames.Count: > 0 } walked)
        {
            document.Heading(3, "Backtrace");
            WriteFrames(document, walked.Frames);
        }
        if (crash.Evidence.Count > 0)
        {
            document.Heading(3, "Evidence");
            document.Bullets(crash.Evidence.Select(e => (MarkdownCell)e));
        }
        document.Heading(3, "Threads");
        document.Table(
            ["thread", "crashing", "signal", "PC", "PC in", "SP", "SP in"],
            crash.Threads.Select(t => (IReadOnlyList<MarkdownCell>)[
                ReportValues.Number(t.Tid), t.IsCrashing ? "yes" : "", ReportValues.Number(t.Signal), ReportValues.Address(t.ProgramCounter),
                t.ProgramCounterLocation, ReportValues.Address(t.StackPointer), t.StackPointerLocation]),
            "no threads");
        WriteManagedThreads(document, capture.Runtime);
    }

    /// <summary>A thread's frames, innermost first, as <see cref="FrameText"/> shows them.</summary>
    public static void WriteFrames(MarkdownDocument document, IReadOnlyList<StackFrame> frames)
    {
        document.Table(
            [.. FrameText.Headers.Select(h => (MarkdownCell)h)],
            frames.Take(FrameText.ShownFrames).Select((f, i) => (IReadOnlyList<MarkdownCell>)[.. FrameText.Cells(f, i).Select(c => (MarkdownCell)c)]),
            "no frames");
        if (FrameText.More(frames.Count) is { } more)
            document.Paragraph(Trusted(more));
    }

    /// <summary>The module whose region holds the crashing PC, with the build-id that finds its symbols.</summary>
    private static MarkdownCell FaultingModule(ulong programCounter, Capture capture)
    {
        if (capture.FindRegion(programCounter)?.Module is not { } name || capture.Modules.FirstOrDefault(m => m.Name == name) is not { } module)
            return Trusted("Faulting module: none, the PC " + ReportValues.Address(programCounter) + " is in no module");
        return Trusted("Faulting module: " + ((MarkdownCell)module.Name).Markdown + " (" + ((MarkdownCell)module.Path).Markdown + ")"
            + ", build-id " + (module.BuildId is { } buildId ? ((MarkdownCell)buildId).Markdown : "unknown"));
    }

    /// <summary>Each OS thread's managed thread, and the managed exception in flight on it, where ClrMD read them.</summary>
    private static void WriteManagedThreads(MarkdownDocument document, ManagedRuntime? runtime)
    {
        if (runtime is null || runtime.Threads.Count == 0)
            return;
        document.Heading(3, "Managed threads (" + runtime.Flavor + " " + runtime.Version + ")");
        var exceptions = runtime.Threads.Where(t => t.ExceptionType is not null).ToList();
        foreach (var thread in exceptions)
            document.Paragraph(Bold("Managed exception"), Trusted(" on thread " + ReportValues.Number(thread.OsThreadId) + ": "),
                thread.ExceptionType, Trusted(": "), thread.ExceptionMessage);
        document.Table(
            ["thread", "managed id", "role", "exception", "message"],
            runtime.Threads.OrderBy(t => t.OsThreadId).Select(t => (IReadOnlyList<MarkdownCell>)[
                ReportValues.Number(t.OsThreadId), ReportValues.Number(t.ManagedThreadId),
                t.IsFinalizer ? "finalizer" : t.IsGc ? "gc" : "", t.ExceptionType, t.ExceptionMessage]));
    }
}

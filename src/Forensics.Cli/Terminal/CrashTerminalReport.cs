using Forensics.Analysis.Crash;
using Forensics.Model;
using Forensics.Reports;
using Spectre.Console;

namespace Forensics.Cli.Terminal;

/// <summary>The crash of a capture on the terminal: the facts of the Markdown crash section, with the verdict in colour.</summary>
public static class CrashTerminalReport
{
    /// <summary>For <c>forensics crash</c>: each capture's label, then its crash or why there is none.</summary>
    public static void Write(IAnsiConsole console, PreparedRun run, CaptureLabels labels)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(labels);
        var document = new TerminalDocument(console);
        foreach (var analysis in run.Captures)
        {
            document.Title(labels[analysis.Capture.Id]);
            if (analysis.Crash is { } crash)
                WriteSection(document, crash, analysis.Capture.Runtime);
            else if (analysis.Capture.UnsupportedReason is { } unsupported)
                document.Line("Not analysed: " + unsupported + "; no crash verdict and no findings.");
            else
                document.Line("No crash: the capture holds no fatal signal (a text capture, or a core of a live process).");
        }
    }

    internal static void WriteSection(TerminalDocument document, CrashReport crash, ManagedRuntime? runtime)
    {
        document.Heading("Crash");
        document.Emphasised(ReportValues.Verdict(crash.Verdict), ColorOf(crash.Verdict), ": " + ReportValues.Text(crash.Summary));
        document.Lines(Facts(crash));
        if (crash.Evidence.Count > 0)
            document.Heading("Evidence").Lines(crash.Evidence.Select(e => ReportValues.Text(e)));
        document.Heading("Threads").Table(
            ["thread", "crashing", "signal", "PC", "PC in", "SP", "SP in"],
            crash.Threads.Select(t => (IReadOnlyList<string?>)[
                ReportValues.Number(t.Tid), t.IsCrashing ? "yes" : "", ReportValues.Number(t.Signal), ReportValues.Address(t.ProgramCounter),
                ReportValues.Text(t.ProgramCounterLocation), ReportValues.Address(t.StackPointer), ReportValues.Text(t.StackPointerLocation)]),
            "no threads");
        foreach (var thread in crash.Threads.Where(t => t.Frames.Count > 0))
        {
            document.Heading("Backtrace of thread " + ReportValues.Number(thread.Tid) + (thread.IsCrashing ? " (crashing)" : "")).Table(
                FrameText.Headers, thread.Frames.Take(FrameText.ShownFrames).Select((f, i) => FrameText.Cells(f, i)), "no frames");
            if (FrameText.More(thread.Frames.Count) is { } more)
                document.Lines([more]);
        }
        if (runtime is null || runtime.Threads.Count == 0)
            return;
        document.Heading("Managed threads (" + runtime.Flavor + " " + runtime.Version + ")");
        document.Lines(runtime.Threads.Where(t => t.ExceptionType is not null).Select(t =>
            "Managed exception on thread " + ReportValues.Number(t.OsThreadId) + ": " + t.ExceptionType + ": " + t.ExceptionMessage));
        document.Table(
            ["thread", "managed id", "role", "exception", "message"],
            runtime.Threads.OrderBy(t => t.OsThreadId).Select(t => (IReadOnlyList<string?>)[
                ReportValues.Number(t.OsThreadId), ReportValues.Number(t.ManagedThreadId),
                t.IsFinalizer ? "finalizer" : t.IsGc ? "gc" : "", t.ExceptionType, t.ExceptionMessage]),
            "no managed threads");
    }

    private static IEnumerable<string> Facts(CrashReport crash)
    {
        if (!crash.Signature.IsEmpty)
            yield return "Signature: " + ReportValues.Text(crash.Signature);
        if (crash.AbortMessage is { } message)
            yield return "Abort message: " + message;
        if (crash.SignalName is { } signal)
            yield return "Signal: " + signal + " (" + ReportValues.Number(crash.SignalNumber) + ")"
                + (crash.SignalCodeName is { } code ? ", code " + code : "");
        if (crash.FaultAddress is { } fault)
            yield return "Fault address: " + ReportValues.Address(fault) + (crash.FaultLocation is { } where ? " in " + ReportValues.Text(where) : "");
        if (crash.SenderPid is { } sender)
            yield return "Sent by PID " + ReportValues.Number(sender);
        if (crash.CrashingThreadId is { } tid)
            yield return "Crashing thread: " + ReportValues.Number(tid);
    }

    /// <summary>Green for no crash, yellow for a deliberate end (abort, a kill), red for a fault.</summary>
    private static Color ColorOf(CrashVerdict verdict) => verdict switch
    {
        CrashVerdict.NoCrash => Color.Green,
        CrashVerdict.Abort or CrashVerdict.KilledByProcess => Color.Yellow,
        _ => Color.Red,
    };
}

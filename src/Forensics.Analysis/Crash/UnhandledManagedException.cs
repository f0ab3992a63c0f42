using Forensics.Analysis.Text;
using Forensics.Model;
using static Forensics.Analysis.Crash.SignalNames;

namespace Forensics.Analysis.Crash;

/// <summary>
/// The .NET runtime ends a process whose exception nobody caught by printing it and calling abort()
/// (coreclr's unhandled-exception path ends in PROCAbort), so the core shows SIGABRT from the process itself and the
/// exception still in flight on the thread that took the signal. The exception is the cause and the signal only
/// its mechanism: it becomes the verdict and the signature.
/// </summary>
internal static class UnhandledManagedException
{
    /// <summary>The verdict, summary and signature when the abort came from an unhandled exception; null otherwise.</summary>
    public static (CrashVerdict Verdict, Sentence Summary, Sentence Signature)? Decide(CrashContext context)
    {
        if (context.Number != SigAbrt || context.Capture.Runtime is not { } runtime)
            return null;
        var withException = runtime.Threads.Where(t => t.ExceptionType is not null).ToList();
        var thread = context.Crashing is { } crashing
            ? withException.Find(t => t.OsThreadId == crashing.Tid)
            : withException.Count == 1 ? withException[0] : null;
        if (thread is null)
            return null;

        var type = thread.ExceptionType!;
        var where = Sentence.Of($"managed thread {thread.ManagedThreadId} (OS thread {thread.OsThreadId})");
        var thrower = thread.ExceptionThrownBy is { } method ? ", thrown by " + method : "";
        context.Evidence.Add(Sentence.Of($"{where} has {type} in flight{thrower}: the {runtime.Flavor} runtime aborts the process (SIGABRT) when an exception is not caught, so the signal is the mechanism and the exception the cause"));
        var message = string.IsNullOrEmpty(thread.ExceptionMessage) ? "" : " (\"" + thread.ExceptionMessage + "\")";
        return (CrashVerdict.UnhandledManagedException,
            Sentence.Of($"Unhandled {runtime.Flavor} exception {type}{message} on {where}{thrower}; the runtime then aborted the process (SIGABRT)."),
            Sentence.Words(thread.ExceptionThrownBy is { } at ? type + " at " + at : type));
    }
}

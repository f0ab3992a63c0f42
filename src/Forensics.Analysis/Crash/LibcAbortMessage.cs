using Forensics.Analysis.Text;
using static Forensics.Analysis.Crash.SignalNames;

namespace Forensics.Analysis.Crash;

/// <summary>
/// glibc writes why it aborts into <c>__abort_msg</c> before it raises SIGABRT: a failed <c>assert()</c>
/// (<c>PROG: FILE:LINE: FUNCTION: Assertion `EXPR' failed.</c>), or a check of its own that found the program at
/// fault (the allocator's <c>free(): double free detected in tcache 2</c>, <c>*** stack smashing detected ***</c>,
/// a fortified function's <c>*** buffer overflow detected ***</c>). Where the core holds that message it names the
/// cause, and the signal is only the mechanism. A plain <c>abort()</c> leaves the message empty.
/// </summary>
internal static class LibcAbortMessage
{
    /// <summary>The verdict and summary when a SIGABRT carries glibc's message; null otherwise.</summary>
    public static (CrashVerdict Verdict, Sentence Summary)? Decide(CrashContext context)
    {
        if (context.Number != SigAbrt || context.Capture.AbortMessage is not { Length: > 0 } message)
            return null;
        return message.Contains("Assertion `", StringComparison.Ordinal) && message.Contains("' failed", StringComparison.Ordinal)
            ? (CrashVerdict.AssertionFailed, Sentence.Words("Assertion failed: " + message + " — glibc's assert() then aborted the process (SIGABRT)."))
            : (CrashVerdict.LibcDetectedError, Sentence.Words("glibc found the program at fault and aborted it (SIGABRT): " + message));
    }
}

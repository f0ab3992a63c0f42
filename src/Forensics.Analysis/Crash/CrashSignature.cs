using Forensics.Analysis.Text;
using Forensics.Model;
using static Forensics.Analysis.Text.SentenceValues;

namespace Forensics.Analysis.Crash;

/// <summary>
/// The signature of a crash from the crashing thread's frames (docs/report-schema.md#frames-and-signatures): the signal
/// and the first <see cref="FrameCount"/> frames that are not the signal, abort, assert or allocator-check machinery
/// of the C and C++ runtimes, innermost first, joined by <c>←</c>; a recursion folded to <c>recurse ×7938</c>;
/// a frame without a symbol as module+offset. Frames found by scanning are guesses and end the signature.
/// </summary>
public static class CrashSignature
{
    public const int FrameCount = 3;

    /// <summary>
    /// Symbols of glibc and libstdc++ that raise or report a crash rather than cause it, as crash reporters skip
    /// them (Sentry's and Breakpad's skip lists), and the i386 vDSO's entry points, through which every system call
    /// (the tgkill of abort) and signal return of an i386 process passes. Frames up to the last of these among the
    /// innermost ones are skipped.
    /// </summary>
    private static readonly HashSet<string> Machinery = new(StringComparer.Ordinal)
    {
        "raise", "gsignal", "abort", "pthread_kill", "__pthread_kill_implementation", "__pthread_kill_internal", "__GI_raise",
        "__GI_abort", "__libc_message", "__libc_fatal", "malloc_printerr", "__malloc_assert", "__assert_fail", "__assert_fail_base",
        "__assert_perror_fail", "__fortify_fail", "__chk_fail", "__stack_chk_fail", "__restore_rt",
        "_ZSt9terminatev", "__cxa_throw", "__cxa_rethrow", "_ZN10__cxxabiv111__terminateEPFvvE", "_ZN9__gnu_cxx27__verbose_terminate_handlerEv",
        "__cxa_call_terminate", "__cxa_pure_virtual",
        "__kernel_vsyscall", "__kernel_sigreturn", "__kernel_rt_sigreturn",
    };

    /// <summary>How deep machinery is looked for: abort through raise is four frames, an uncaught throw eight.</summary>
    private const int MachineryDepth = 12;

    /// <summary>The signature from <paramref name="frames"/>; null when there are none to build it from.</summary>
    /// <param name="signalName">The signal's name (SIGSEGV).</param>
    /// <param name="frames">The crashing thread's frames, innermost first.</param>
    /// <param name="locate">Names a PC outside every module the walk knew (from the capture's own module list).</param>
    public static Sentence? FromFrames(string signalName, IReadOnlyList<StackFrame> frames, Func<ulong, Sentence> locate)
    {
        if (frames.Count == 0)
            return null;
        var start = 0;
        for (var i = 0; i < Math.Min(frames.Count, MachineryDepth); i++)
        {
            if ((frames[i].Symbol ?? frames[i].Function) is { } name && Machinery.Contains(name))
                start = i + 1;
        }
        // Unnamed frames of the runtime libraries right after the machinery are its static helpers (glibc's
        // _int_free checks, libstdc++'s terminate handler) when their symbols are not at hand.
        while (start > 0 && start < frames.Count && frames[start].Function is null && IsRuntimeLibrary(frames[start].Module))
            start++;
        if (start >= frames.Count)
            start = 0;

        var parts = new List<(Sentence Text, int Count)>();
        for (var i = start; i < frames.Count && (parts.Count < FrameCount || parts[^1].Text.Equals(Describe(frames[i], locate))); i++)
        {
            if (i > 0 && frames[i].Method == UnwindMethod.Scan)
                break;
            var text = Describe(frames[i], locate);
            if (parts.Count > 0 && parts[^1].Text.Equals(text))
                parts[^1] = (text, parts[^1].Count + 1);
            else if (parts.Count < FrameCount)
                parts.Add((text, 1));
            if (frames[i].Function == "main")
                break;
        }
        var frameList = Sentence.Join(" ← ", parts.Select(p => p.Count > 1 ? Sentence.Of($"{p.Text} ×{p.Count}") : p.Text));
        return Sentence.Of($"{signalName} in {frameList}");
    }

    /// <summary>
    /// A frame's function without GCC's clone suffixes (<c>third.cold</c>, <c>f.part.0</c>, <c>g.isra.0</c>, demangled
    /// <c>f() [clone .cold]</c>), which differ between builds of the same code; module+offset without a symbol.
    /// </summary>
    private static Sentence Describe(StackFrame frame, Func<ulong, Sentence> locate)
    {
        if (frame.Function is { } name)
        {
            var clone = name.IndexOf(" [clone ", StringComparison.Ordinal);
            if (clone > 0)
                return Sentence.Words(name[..clone]);
            // Only a symbol as the table spells it ends at its first dot: a demangled name may hold one in a literal.
            var dot = frame.Symbol is null || frame.Symbol == name ? name.IndexOf('.', StringComparison.Ordinal) : -1;
            return Sentence.Words(dot > 0 ? name[..dot] : name);
        }
        return frame.Module is { } module && frame.ModuleOffset is { } offset
            ? Sentence.Of($"{module}+{Address(offset)}")
            : locate(frame.ProgramCounter);
    }

    private static bool IsRuntimeLibrary(string? module) =>
        module is not null && (module.StartsWith("libc.so", StringComparison.Ordinal) || module.StartsWith("libstdc++.so", StringComparison.Ordinal)
            || module.StartsWith("libc-", StringComparison.Ordinal));
}

using System.Globalization;
using Forensics.Analysis.Text;
using Forensics.Model;
using static Forensics.Analysis.Crash.SignalNames;
using static Forensics.Analysis.Text.SentenceValues;

namespace Forensics.Analysis.Crash;

/// <summary>
/// The .NET runtime ends a thread that ran out of stack on its own: its stack-overflow handler makes
/// System.StackOverflowException the thread's exception (it cannot be caught), prints the repeated frames and aborts
/// the process, so the core shows SIGABRT. The verdict is a stack overflow only when the core also shows the stack
/// used to its end: the thread's innermost managed frame sits at the bottom of the region that holds it. A
/// StackOverflowException thrown by code (<c>throw new StackOverflowException()</c>) has no such frame and stays an
/// unhandled exception.
/// </summary>
internal static class ManagedStackOverflow
{
    private const string ExceptionType = "System.StackOverflowException";

    /// <summary>How far above its region's lowest address the innermost managed frame may be for the stack to count as used up.</summary>
    public const ulong ExhaustedStackReach = 0x10000;

    /// <summary>The verdict, summary and signature when the runtime aborted because a thread ran out of stack; null otherwise.</summary>
    public static (CrashVerdict Verdict, Sentence Summary, Sentence Signature)? Decide(CrashContext context)
    {
        if (context.Number != SigAbrt || context.Capture.Runtime is not { } runtime)
            return null;
        var thread = runtime.Threads.FirstOrDefault(t => t.ExceptionType == ExceptionType
            && (context.Crashing is not { } crashing || t.OsThreadId == crashing.Tid));
        if (thread?.Stack is not { Runs.Count: > 0 } stack)
            return null;

        var where = Sentence.Of($"managed thread {thread.ManagedThreadId} (OS thread {thread.OsThreadId})");
        var pointer = Address(stack.InnermostStackPointer);
        if (StackEnd(context, stack.InnermostStackPointer) is not { } end)
        {
            context.Evidence.Add(Sentence.Of($"{where} has {ExceptionType} in flight, but its innermost managed frame (SP {pointer}) is not at the lowest address of a stack: not taken for a stack overflow"));
            return null;
        }
        var (region, place) = end;

        context.Evidence.Add(Sentence.Of($"{where} has {ExceptionType} in flight: the {runtime.Flavor} runtime's stack-overflow handler sets it when a thread runs out of stack and then aborts the process (SIGABRT), so the signal is the mechanism"));
        context.Evidence.Add(Sentence.Of($"its innermost managed frame's SP {pointer} is {place} ({Bytes(region.Size)} bytes): the stack was used to its end"));
        var cut = stack.IsCut ? Sentence.Of($" (the walk stops after {stack.FrameCount} managed frames)") : Sentence.Empty;
        context.Evidence.Add(Sentence.Of($"innermost managed frames: {Runs(stack, stack.Runs.Count)}{cut}"));
        if (context.Crashing is { } native && context.Map.FindRegion(native.StackPointer) is { } handler && handler != region)
        {
            context.Evidence.Add(Sentence.Of($"the thread's registers (SP {Address(native.StackPointer)} in {Span(handler)}) are not on that stack: they are the handler's, which runs on a stack of its own"));
        }

        var recursion = stack.Runs[0].Count > 1 ? ", which calls itself" : "";
        return (CrashVerdict.StackOverflow,
            Sentence.Of($"Stack overflow: {where} ran out of stack in {stack.Runs[0].Method}{recursion} ({Count(stack, 0)} frames at the innermost end); the runtime's stack-overflow handler then aborted the process (SIGABRT)."),
            Sentence.Words(ExceptionType + " in " + Runs(stack, CrashSignature.FrameCount)));
    }

    /// <summary>
    /// The region whose lowest address <paramref name="pointer"/> is at: inside it within <see cref="ExhaustedStackReach"/>,
    /// or below it inside the guard gap the kernel keeps under a stack (the frame that faulted was pushed there).
    /// </summary>
    private static (Region Region, Sentence Place)? StackEnd(CrashContext context, ulong pointer)
    {
        if (context.Map.FindRegion(pointer) is { } inside)
        {
            return pointer - inside.Start <= ExhaustedStackReach
                ? (inside, Sentence.Of($"{Bytes(pointer - inside.Start)} bytes above the lowest address of {Span(inside)}"))
                : null;
        }
        return context.Map.FindRegionAbove(pointer) is { } above && above.Permissions.CanWrite == true
            && above.Start - pointer <= CrashAnalyzer.StackGuardGap
            ? (above, Sentence.Of($"{Bytes(above.Start - pointer)} bytes below {Span(above)}, in the guard gap under it"))
            : null;
    }

    private static Sentence Span(Region region) => Sentence.Of($"{Address(region.Start)}-{Address(region.End)}");

    /// <summary>The first <paramref name="count"/> runs, innermost first: <c>Method ×n</c>, the last run's count a floor when the walk was cut.</summary>
    private static string Runs(ManagedStack stack, int count) =>
        string.Join(" ← ", stack.Runs.Take(count).Select((run, i) => run.Count > 1 || IsFloor(stack, i) ? run.Method + " ×" + Count(stack, i) : run.Method));

    private static string Count(ManagedStack stack, int index) =>
        stack.Runs[index].Count.ToString(CultureInfo.InvariantCulture) + (IsFloor(stack, index) ? "+" : "");

    private static bool IsFloor(ManagedStack stack, int index) => stack.IsCut && index == stack.Runs.Count - 1;
}

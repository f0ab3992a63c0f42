using Forensics.Model;
using Microsoft.Diagnostics.Runtime;

namespace Forensics.Importers.Clr;

/// <summary>
/// The innermost managed frames of one thread, from the runtime's own stack walk (ClrMD), folded into runs of one
/// method: what shows a recursion that ran out of stack without walking all of its frames.
/// </summary>
internal static class ManagedStackWalk
{
    /// <summary>The frames of <paramref name="thread"/>, at most <see cref="ClrLimits.MaxManagedFrames"/>; null when it has no managed frame.</summary>
    public static ManagedStack? Read(ClrThread thread)
    {
        var runs = new List<ManagedFrameRun>();
        ulong? innermost = null;
        var managed = 0;
        // ClrMD's own walk stops at 8096 frames, so frames of the runtime between managed ones cannot make this unbounded.
        foreach (var frame in thread.EnumerateStackTrace())
        {
            if (frame.Kind != ClrStackFrameKind.ManagedMethod)
                continue;
            if (managed++ == ClrLimits.MaxManagedFrames)
                return Finish(runs, innermost, isCut: true);
            innermost ??= frame.StackPointer;
            var method = frame.Method is { Type.Name: { } type, Name: { } name } ? type + "." + name : "unknown managed method";
            if (runs.Count > 0 && runs[^1].Method == method)
                runs[^1] = runs[^1] with { Count = runs[^1].Count + 1 };
            else
                runs.Add(new ManagedFrameRun(method, 1));
        }
        return Finish(runs, innermost, isCut: false);
    }

    private static ManagedStack? Finish(List<ManagedFrameRun> runs, ulong? innermost, bool isCut) =>
        innermost is { } pointer ? new ManagedStack(runs, pointer, isCut) : null;
}

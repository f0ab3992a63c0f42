namespace Forensics.Model;

/// <summary>How a stack frame was found, from the most to the least trustworthy.</summary>
public enum UnwindMethod
{
    /// <summary>The thread's registers as the core saved them: the innermost frame.</summary>
    Context,
    /// <summary>DWARF call-frame information (<c>.eh_frame</c>, <c>.debug_frame</c>) of the callee.</summary>
    Cfi,
    /// <summary>The callee's saved frame pointer (<c>rbp</c>/<c>ebp</c> chain).</summary>
    FramePointer,
    /// <summary>A stack word that points just after a call instruction: a guess, the least trustworthy.</summary>
    Scan,
}

public static class UnwindMethodText
{
    /// <summary>The id used in reports: <c>context</c>, <c>cfi</c>, <c>frame-pointer</c> or <c>scan</c>.</summary>
    public static string ToId(this UnwindMethod method) => method switch
    {
        UnwindMethod.Context => "context",
        UnwindMethod.Cfi => "cfi",
        UnwindMethod.FramePointer => "frame-pointer",
        _ => "scan",
    };
}

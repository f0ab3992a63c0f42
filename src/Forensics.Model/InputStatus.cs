namespace Forensics.Model;

/// <summary>What became of one input file.</summary>
public enum InputStatus
{
    /// <summary>Captures were imported and no error was reported.</summary>
    Ok,
    /// <summary>Captures were imported, but with errors (bad lines, a damaged compressed tail).</summary>
    Partial,
    /// <summary>Nothing usable: empty, unreadable, corrupt, stopped by a limit, or a core that could not be read.</summary>
    Failed,
    /// <summary>Not a capture (prose without pasted output, binary data that is neither ELF nor text).</summary>
    Skipped,
}

public static class InputStatusText
{
    /// <summary>The id used in reports: <c>ok</c>, <c>partial</c>, <c>failed</c> or <c>skipped</c>.</summary>
    public static string ToId(this InputStatus status) => status switch
    {
        InputStatus.Ok => "ok",
        InputStatus.Partial => "partial",
        InputStatus.Failed => "failed",
        InputStatus.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}

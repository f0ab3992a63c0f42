namespace Forensics.Model;

/// <summary>What a managed runtime (.NET) inside the process says of itself, read from a core with ClrMD.</summary>
public sealed record ManagedRuntime
{
    /// <summary><c>.NET Core</c> / <c>.NET</c> and the runtime version (<c>10.0.12</c>).</summary>
    public required string Flavor { get; init; }
    public required string Version { get; init; }
    public IReadOnlyList<ManagedModule> Modules { get; init; } = [];
    public IReadOnlyList<ManagedThread> Threads { get; init; } = [];
}

/// <summary>A managed assembly module: where its image is and whether it was mapped from a file or loaded from memory.</summary>
public sealed record ManagedModule(string Name, ulong ImageBase, ulong Size, bool IsFileLayout, bool IsDynamic);

/// <summary>
/// A managed thread, joined to its OS thread, with the exception in flight on it and the method that threw it
/// (<c>DotnetCrash.Program.Fail</c>: the first managed frame of the exception's own stack trace), where known, and
/// for a thread with an exception in flight its innermost managed frames.
/// </summary>
public sealed record ManagedThread(
    int OsThreadId,
    int ManagedThreadId,
    bool IsFinalizer,
    bool IsGc,
    string? ExceptionType,
    string? ExceptionMessage,
    string? ExceptionThrownBy = null,
    ManagedStack? Stack = null);

/// <summary>
/// The innermost managed frames of a thread as the runtime's own stack walk gives them, innermost first, consecutive
/// frames of one method folded into one run. The walk is bounded: <see cref="IsCut"/> says it stopped before the
/// thread's outermost frame, so the last run's count is a floor.
/// </summary>
/// <param name="Runs">Method (<c>Namespace.Type.Method</c>) and how many frames in a row it has.</param>
/// <param name="InnermostStackPointer">The stack pointer of the innermost managed frame.</param>
/// <param name="IsCut">True when the walk stopped at its bound.</param>
public sealed record ManagedStack(IReadOnlyList<ManagedFrameRun> Runs, ulong InnermostStackPointer, bool IsCut)
{
    /// <summary>How many frames the runs hold.</summary>
    public int FrameCount => Runs.Sum(r => r.Count);
}

/// <summary>Consecutive managed frames of one method.</summary>
public sealed record ManagedFrameRun(string Method, int Count);

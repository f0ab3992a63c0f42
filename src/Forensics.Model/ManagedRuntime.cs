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
/// (<c>DotnetCrash.Program.Fail</c>: the first managed frame of the exception's own stack trace), where known.
/// </summary>
public sealed record ManagedThread(
    int OsThreadId,
    int ManagedThreadId,
    bool IsFinalizer,
    bool IsGc,
    string? ExceptionType,
    string? ExceptionMessage,
    string? ExceptionThrownBy = null);

namespace Forensics.Model;

/// <summary>
/// What kept an input from being plainly read: <see cref="None"/> for an <see cref="InputStatus.Ok"/> input, one
/// named problem for every other. Reports show the kebab-case id of <see cref="InputProblemText.ToId"/>.
/// </summary>
public enum InputProblem
{
    /// <summary>Read without an error.</summary>
    None,
    /// <summary>No bytes: an empty file, a compressed file holding nothing, or a FIFO, socket or device (not opened).</summary>
    Empty,
    /// <summary>Readable, but no capture: prose, other binary data, an ELF file that is not a core.</summary>
    NotACapture,
    /// <summary>A capture with format errors: malformed lines, bad headers or notes, a damaged compressed stream.</summary>
    Corrupt,
    /// <summary>A core shorter than its own headers say (RLIMIT_CORE, a full disk, a partial copy).</summary>
    Truncated,
    /// <summary>A core the importer reads only in part: another machine than x86 and x86_64, a kdump vmcore.</summary>
    Unsupported,
    /// <summary>Text larger than <c>ImportOptions.MaxTextBytes</c>; only its start was read.</summary>
    TooLarge,
    /// <summary>Nested deeper than the importer follows: directories below <c>ImportOptions.MaxDepth</c>, compression inside compression.</summary>
    TooDeep,
    /// <summary>An I/O error while listing or reading, other than a permission refused.</summary>
    Unreadable,
    /// <summary>The system refused to open or list it (file permissions, an LSM, a write-only file).</summary>
    PermissionDenied,
    /// <summary>The path does not exist, or the file went away between listing and reading.</summary>
    NotFound,
    /// <summary>A symbolic link whose target does not exist, or a chain of links that never ends.</summary>
    BrokenLink,
    /// <summary>A directory reached a second time (a symbolic-link loop, or the same directory given twice); not entered again.</summary>
    DirectoryLoop,
    /// <summary>A symbolic link to a directory, not followed because <c>ImportOptions.FollowDirectoryLinks</c> is off.</summary>
    LinkNotFollowed,
    /// <summary>The file's size or modification time changed while it was hashed and parsed.</summary>
    ChangedWhileReading,
    /// <summary>Importing the file took longer than <c>ImportOptions.FileTimeLimit</c>; it was stopped.</summary>
    TimeLimit,
    /// <summary>Importing the file allocated more than <c>ImportOptions.FileAllocationLimit</c>; it was stopped.</summary>
    MemoryLimit,
    /// <summary>The importer threw: a bug, reported as this input's failure so that the rest of the batch is still read.</summary>
    ImporterFault,
    /// <summary>A symbolic link to a file or directory outside the paths given, not followed (an option allows it).</summary>
    LinkOutsideRoots,
}

public static class InputProblemText
{
    private static readonly string[] Ids =
    [
        "none", "empty", "not-a-capture", "corrupt", "truncated", "unsupported", "too-large", "too-deep", "unreadable",
        "permission-denied", "not-found", "broken-link", "directory-loop", "link-not-followed", "changed-while-reading",
        "time-limit", "memory-limit", "importer-fault", "link-outside-roots",
    ];

    /// <summary>The id used in reports (<c>permission-denied</c>, <c>time-limit</c>, ...).</summary>
    public static string ToId(this InputProblem problem) =>
        (uint)problem < (uint)Ids.Length ? Ids[(int)problem] : throw new ArgumentOutOfRangeException(nameof(problem));
}

using Forensics.Importers.Detection;
using Forensics.Model;
using Forensics.Pipeline.Importing;

namespace Forensics.Pipeline.Listing;

/// <summary>
/// Lists the files under the paths given, recursing into directories in ordinal name order; an ABRT problem directory
/// is one input, not entered. Broken symbolic links, unreadable directories and directory loops become input records
/// instead of exceptions.
/// </summary>
internal sealed class InputWalker(ImportOptions options, IEnumerable<string>? roots = null)
{
    /// <summary>Symbolic links followed while resolving one path, as the kernel's ELOOP limit.</summary>
    private const int MaxLinkHops = 40;

    private readonly HashSet<string> _visitedDirectories = new(StringComparer.Ordinal);

    /// <summary>The canonical paths of the directories given, which links found inside them may point into.</summary>
    private readonly List<string> _rootDirectories =
        [.. (roots ?? []).Select(Path.GetFullPath).Where(Directory.Exists).Select(Canonical).OfType<string>()];

    public List<(string FullPath, string DisplayPath)> Files { get; } = [];

    public List<InputRecord> Problems { get; } = [];

    /// <summary>
    /// Test seam for listing a directory: tests run as root, whom no directory mode refuses, so a refusal is made here.
    /// </summary>
    internal Func<DirectoryInfo, IEnumerable<FileSystemInfo>> ListDirectory { get; init; } = directory => directory.EnumerateFileSystemInfos();

    public void AddRoot(string root, bool prefixWithRootName)
    {
        var full = Path.GetFullPath(root);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(full));
        if (name.Length == 0)
            name = "root";
        // The tool's own report folders are its output, not evidence: they are not listed at all.
        if (Directory.Exists(full) && ReportFolder.IsReportFolder(full))
            return;
        if (Directory.Exists(full))
        {
            var canonical = Canonical(full);
            if (canonical is not null && !_visitedDirectories.Add(canonical))
            {
                Problems.Add(Record(name, InputStatus.Skipped, DiagnosticCatalogue.DirectoryLoop, DiagnosticSeverity.Info, "directory given twice"));
                return;
            }
            if (ProblemDirectory.Recognise(full))
                Files.Add((full, name));
            else
                Walk(full, prefixWithRootName ? name : "", 0);
        }
        else if (File.Exists(full))
        {
            Files.Add((full, name));
        }
        else if (new FileInfo(full).LinkTarget is { } target)
        {
            Problems.Add(Record(name, InputStatus.Failed, DiagnosticCatalogue.BrokenSymbolicLink, DiagnosticSeverity.Error,
                $"broken symbolic link to [{target}]"));
        }
        else
        {
            Problems.Add(Record(name, InputStatus.Failed, DiagnosticCatalogue.PathNotFound, DiagnosticSeverity.Error,
                $"no such file or directory [{root}]"));
        }
    }

    private void Walk(string directory, string relative, int depth)
    {
        List<FileSystemInfo> entries;
        try
        {
            entries = [.. ListDirectory(new DirectoryInfo(directory))];
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or System.Security.SecurityException)
        {
            Problems.Add(Record(DisplayOf(relative, directory), InputStatus.Failed, DiagnosticCatalogue.PermissionDenied,
                DiagnosticSeverity.Error, $"permission denied listing the directory: {exception.Message}"));
            return;
        }
        catch (IOException exception)
        {
            Problems.Add(Record(DisplayOf(relative, directory), InputStatus.Failed, DiagnosticCatalogue.UnreadableInput,
                DiagnosticSeverity.Error, $"cannot list directory: {exception.Message}"));
            return;
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            var display = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
            if (entry.LinkTarget is not null)
                AddLink(entry, display, depth);
            else if (entry is DirectoryInfo && ProblemDirectory.Recognise(entry.FullName))
                Files.Add((entry.FullName, display));
            else if (entry is DirectoryInfo)
                EnterDirectory(entry.FullName, display, depth);
            else
                Files.Add((entry.FullName, display));
        }
    }

    private void AddLink(FileSystemInfo link, string display, int depth)
    {
        FileSystemInfo? target;
        try
        {
            target = link.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException exception)
        {
            // ELOOP: a chain of links that comes back to itself leads to no file, like a missing target.
            Problems.Add(Record(display, InputStatus.Failed, DiagnosticCatalogue.BrokenSymbolicLink, DiagnosticSeverity.Error,
                $"symbolic link [{link.LinkTarget}] cannot be resolved: {exception.Message}"));
            return;
        }
        if (target is null || !target.Exists)
        {
            // A link to a directory reports Exists through the FileInfo view only when the target is a file.
            if (target is not null && Directory.Exists(target.FullName))
                target = new DirectoryInfo(target.FullName);
            else
            {
                Problems.Add(Record(display, InputStatus.Failed, DiagnosticCatalogue.BrokenSymbolicLink, DiagnosticSeverity.Error,
                    $"broken symbolic link to [{link.LinkTarget}]"));
                return;
            }
        }
        if (!options.FollowLinksOutsideRoots && !IsInsideRoots(target.FullName))
        {
            // A link out of the evidence (to /proc/self/maps, say) would make the analyst's own machine evidence.
            Problems.Add(Record(display, InputStatus.Skipped, DiagnosticCatalogue.LinkOutsideRoots,
                DiagnosticSeverity.Warning, $"symbolic link to [{target.FullName}], outside the paths given; not followed"));
            return;
        }
        if (target is DirectoryInfo || Directory.Exists(target.FullName))
        {
            if (!options.FollowDirectoryLinks)
            {
                Problems.Add(Record(display, InputStatus.Skipped, DiagnosticCatalogue.DirectoryLoop, DiagnosticSeverity.Info,
                    "symbolic link to a directory not followed", InputProblem.LinkNotFollowed));
                return;
            }
            EnterDirectory(link.FullName, display, depth);
            return;
        }
        Files.Add((link.FullName, display));
    }

    /// <summary>Whether <paramref name="path"/>, its links resolved, lies in one of the directories given.</summary>
    private bool IsInsideRoots(string path)
    {
        var canonical = Canonical(Path.GetFullPath(path));
        return canonical is not null && _rootDirectories.Exists(root => canonical == root || canonical.StartsWith(root + "/", StringComparison.Ordinal));
    }

    private void EnterDirectory(string directory, string display, int depth)
    {
        if (depth + 1 > options.MaxDepth)
        {
            Problems.Add(Record(display, InputStatus.Skipped, DiagnosticCatalogue.DirectoryLoop, DiagnosticSeverity.Warning,
                $"deeper than [{options.MaxDepth}] directories; not entered", InputProblem.TooDeep));
            return;
        }
        if (ReportFolder.IsReportFolder(directory))
            return; // its own reports, see AddRoot
        var canonical = Canonical(directory);
        if (canonical is null || !_visitedDirectories.Add(canonical))
        {
            Problems.Add(Record(display, InputStatus.Skipped, DiagnosticCatalogue.DirectoryLoop, DiagnosticSeverity.Warning,
                $"directory [{canonical ?? directory}] was already entered (a symbolic-link loop or a second path to it)"));
            return;
        }
        Walk(directory, display, depth + 1);
    }

    private static string DisplayOf(string relative, string directory) =>
        relative.Length > 0 ? relative : Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));

    /// <summary>The record of an input the walk did not list; its problem is the descriptor's unless <paramref name="problem"/> says otherwise.</summary>
    internal static InputRecord Record(
        string display, InputStatus status, DiagnosticDescriptor descriptor, DiagnosticSeverity severity, string message, InputProblem? problem = null) =>
        new(display, status, problem ?? descriptor.Problem, message, "", 0, [], [new Diagnostic(descriptor, severity, message, SourceLocation.None)]);

    /// <summary>The path with every symbolic link resolved (what realpath(3) gives); null for a link loop.</summary>
    internal static string? Canonical(string fullPath)
    {
        var pending = new Stack<string>(fullPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var resolved = new List<string>();
        var hops = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
                continue;
            if (part == "..")
            {
                if (resolved.Count > 0)
                    resolved.RemoveAt(resolved.Count - 1);
                continue;
            }
            var candidate = "/" + string.Join('/', [.. resolved, part]);
            var target = new FileInfo(candidate).LinkTarget;
            if (target is null)
            {
                resolved.Add(part);
                continue;
            }
            if (++hops > MaxLinkHops)
                return null;
            if (target.StartsWith('/'))
                resolved.Clear();
            foreach (var piece in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
                pending.Push(piece);
        }
        return "/" + string.Join('/', resolved);
    }
}

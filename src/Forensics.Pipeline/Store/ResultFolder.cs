using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Forensics.Model;
using Forensics.Pipeline.Importing;
using Forensics.Pipeline.Listing;

namespace Forensics.Pipeline.Store;

/// <summary>
/// Keeps the result of every input of a run in <c>.forensics/</c> inside the report folder: one entry per input in a
/// few pack files (<see cref="ResultPacks"/>), found by its cache key (the file's identity: device, inode, size, times and systemd-coredump attributes; display path, import options and the
/// build of the importing code), and
/// <c>inputs.jsonl</c>, the key and path of each input of the last run, one JSON object a line (a file name may hold
/// a newline or a tab). The next run over unchanged inputs loads
/// their results instead of importing them again; <c>forensics merge</c> loads every shard's results.
/// </summary>
public sealed class ResultFolder
{
    public const string FolderName = ".forensics";
    private const string ListName = "inputs.jsonl";
    /// <summary>The one-file-per-input store of earlier versions, deleted when a run finishes.</summary>
    private const string OldExtension = ".fxir";

    private readonly string _folder;
    private readonly ImportOptions _options;
    private readonly bool _fresh;
    private readonly ResultPacks _packs;
    private readonly ConcurrentDictionary<string, string> _keyByPath = new(StringComparer.Ordinal);
    private int _reused;
    private int _kept;
    private string? _keepProblem;

    public ResultFolder(string outputDirectory, ImportOptions options, bool fresh)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        ArgumentNullException.ThrowIfNull(options);
        _folder = Path.Combine(outputDirectory, FolderName);
        _options = options;
        _fresh = fresh;
        TryKeeping(() => Directory.CreateDirectory(_folder));
        _packs = new ResultPacks(_folder);
    }

    /// <summary>How many results the result folder of <paramref name="outputDirectory"/> holds now.</summary>
    public static int CountKept(string outputDirectory) => ResultPacks.CountIn(Path.Combine(outputDirectory, FolderName));

    /// <summary>The first result that could not be saved, and why; null when every one was.</summary>
    public string? KeepProblem => Volatile.Read(ref _keepProblem);

    /// <summary>How many inputs were loaded from kept results rather than imported.</summary>
    public int Reused => Volatile.Read(ref _reused);

    /// <summary>How many inputs of this run have their result in the folder: reused, or imported and saved.</summary>
    public int Kept => Volatile.Read(ref _kept);

    /// <summary>
    /// The kept result of <paramref name="file"/> when its content, path, the options and the code are unchanged;
    /// otherwise imports it with <paramref name="importer"/> and keeps the result. Thread-safe.
    /// </summary>
    public InputResult ImportOrReuse(InputImporter importer, InputFile file)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(file);
        var identity = IdentityOf(file);
        var key = identity is null ? null : InputResultStore.KeyFor(file.DisplayPath, identity, _options);
        // The record comes first in a store file: a result that will not be reused is refused before its captures are read.
        if (key is not null && !_fresh
            && _packs.Load(key, r => r.Path == file.DisplayPath && !MayDifferNextTime(r.Problem), out _) is { } kept)
        {
            Interlocked.Increment(ref _reused);
            Interlocked.Increment(ref _kept);
            _keyByPath[file.DisplayPath] = key;
            return kept;
        }
        var result = importer.ImportInput(file.FullPath, file.DisplayPath);
        Keep(key ?? PathKey(file.DisplayPath), result);
        return result;
    }

    /// <summary>Keeps a result made without reading a file (a broken link, a directory loop) for <c>merge</c>.</summary>
    public void Keep(InputResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Keep(PathKey(result.Record.Path), result);
    }

    /// <summary>Keeps a result loaded from another folder under its key, so that merged folders can be merged again.</summary>
    public void Keep(KeptResult kept)
    {
        ArgumentNullException.ThrowIfNull(kept);
        Keep(kept.Key, kept.Result);
    }

    /// <summary>Writes the list of this run's inputs and deletes the results of inputs no longer in it.</summary>
    public void Finish() => TryKeeping(() =>
    {
        var list = new StringBuilder();
        foreach (var (path, key) in _keyByPath.OrderBy(p => p.Key, StringComparer.Ordinal))
            list.Append(JsonSerializer.Serialize(new ListedInput(key, path), ListedInputJson.Default.ListedInput)).Append('\n');
        var listPath = Path.Combine(_folder, ListName);
        var temporary = listPath + ".tmp";
        File.WriteAllText(temporary, list.ToString(), new UTF8Encoding(false));
        File.Move(temporary, listPath, overwrite: true);

        _packs.Finish(new HashSet<string>(_keyByPath.Values, StringComparer.Ordinal));
        foreach (var stored in Directory.EnumerateFiles(_folder, "*" + OldExtension))
            File.Delete(stored);
    });

    /// <summary>
    /// The kept results of the last run in each of <paramref name="outputDirectories"/>, every path once; null when a
    /// folder holds no results, a result is missing or damaged, or one path has different results in two folders,
    /// and <paramref name="problem"/> then says which and what to do.
    /// </summary>
    public static List<KeptResult>? LoadAll(IReadOnlyList<string> outputDirectories, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(outputDirectories);
        var results = new List<KeptResult>();
        var seen = new Dictionary<string, (string Key, string Directory)>(StringComparer.Ordinal);
        foreach (var directory in outputDirectories)
        {
            var folder = Path.Combine(directory, FolderName);
            var listPath = Path.Combine(folder, ListName);
            if (!File.Exists(listPath))
            {
                problem = $"[{directory}] holds no results of a run (no {FolderName}/{ListName}); give the --out folder of 'forensics analyze'";
                return null;
            }
            using var packs = new ResultPacks(folder);
            var lineNumber = 0;
            foreach (var line in File.ReadLines(listPath))
            {
                lineNumber++;
                if (ListedInput.Parse(line) is not { } listed || !IsKey(listed.Key))
                {
                    problem = $"[{listPath}] line {lineNumber} is not a key and a path; run that shard again";
                    return null;
                }
                var (key, path) = listed;
                if (seen.TryGetValue(path, out var earlier))
                {
                    if (earlier.Key == key)
                        continue;
                    problem = $"the result of [{path}] differs between [{earlier.Directory}] and [{directory}]; run both with the same inputs and tool version";
                    return null;
                }
                var result = packs.Load(key, _ => true, out var loadProblem);
                if (result is null || result.Record.Path != path)
                {
                    problem = (loadProblem ?? (result is null ? Missing(path, folder, packs) : $"the result kept for [{path}] names another input"))
                        + "; run that shard again";
                    return null;
                }
                seen.Add(path, (key, directory));
                results.Add(new KeptResult(key, result));
            }
        }
        problem = null;
        return results;
    }

    /// <summary>
    /// Keeping is a cache: an input whose result cannot be saved (a full disk) is still reported by this run; it stays
    /// listed, so that <c>merge</c> says its result is missing instead of leaving it out.
    /// </summary>
    private void Keep(string key, InputResult result)
    {
        _keyByPath[result.Record.Path] = key;
        TryKeeping(() =>
        {
            _packs.Append(key, result);
            Interlocked.Increment(ref _kept);
        });
    }

    private void TryKeeping(Action keep)
    {
        try
        {
            keep();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Interlocked.CompareExchange(ref _keepProblem, $"cannot keep results in [{_folder}]: {exception.Message.TrimEnd('.')}", null);
        }
    }

    private static string Missing(string path, string folder, ResultPacks packs) =>
        $"the result of [{path}] is missing from [{folder}]" + (packs.Damage.Count > 0 ? ": " + packs.Damage[0] : "");

    /// <summary>
    /// The identity of a regular file's content (<see cref="FileIdentity"/>: device, inode, size, times, <c>user.coredump.*</c> attributes), or of an ABRT
    /// problem directory's items, which keys its kept result without reading it. Null for a file of length 0 (empty, or
    /// a FIFO or device that reading could block on: the importer looks at those without reading them) or one whose
    /// identity cannot be had.
    /// </summary>
    private static string? IdentityOf(InputFile file)
    {
        try
        {
            if (Directory.Exists(file.FullPath))
                return FileIdentity.OfProblemDirectory(file.FullPath);
            return TargetFile.Length(file.FullPath) == 0 ? null : FileIdentity.Of(file.FullPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Problems of the moment (load, a file being written, a bug since fixed) rather than of the content.</summary>
    private static bool MayDifferNextTime(InputProblem problem) => problem is InputProblem.TimeLimit or InputProblem.MemoryLimit
        or InputProblem.ChangedWhileReading or InputProblem.Unreadable or InputProblem.PermissionDenied or InputProblem.NotFound
        or InputProblem.ImporterFault;

    private string PathKey(string displayPath) => InputResultStore.KeyFor(displayPath, "", _options);

    private static bool IsKey(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigitLower);
}

/// <summary>A line of the list of a run's inputs.</summary>
internal sealed record ListedInput(string Key, string Path)
{
    public static ListedInput? Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, ListedInputJson.Default.ListedInput) is { Key: not null, Path: not null } listed ? listed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The JSON of <see cref="ListedInput"/>, made when compiling: no reflection at run time, and ready for a native build.</summary>
[JsonSerializable(typeof(ListedInput))]
internal sealed partial class ListedInputJson : JsonSerializerContext;

/// <summary>An input's result as a result folder keeps it, with its cache key.</summary>
public sealed record KeptResult(string Key, InputResult Result);

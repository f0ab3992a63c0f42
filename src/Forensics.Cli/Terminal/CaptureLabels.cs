using Forensics.Pipeline.Importing;
using Forensics.Pipeline.Listing;
using Forensics.Reports;

namespace Forensics.Cli.Terminal;

/// <summary>
/// What the terminal calls each capture: its input path as the reports show it, except that inputs showing the same
/// path (<c>compare a/maps b/maps</c> shows both as <c>maps</c>) get the shortest end of their real paths that tells
/// them apart (<c>a/maps</c>, <c>b/maps</c>); a capture of a document holding several adds its line range.
/// </summary>
public sealed class CaptureLabels
{
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);

    private CaptureLabels(PreparedRun run, IReadOnlyList<InputFile> files)
    {
        // The run keeps its inputs in listing order, files before the paths that could not be listed, and sorts them by
        // shown path only, stably: the k-th input showing a path is the k-th file listed with it.
        var pending = files.GroupBy(f => f.DisplayPath, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Queue<string>(Distinguish([.. g])), StringComparer.Ordinal);
        var byId = run.Captures.ToDictionary(a => a.Capture.Id, a => a.Capture, StringComparer.Ordinal);
        foreach (var input in run.Inputs)
        {
            var label = pending.TryGetValue(input.Path, out var queue) && queue.TryDequeue(out var next) ? next : input.Path;
            foreach (var id in input.CaptureIds)
            {
                var lines = input.CaptureIds.Count > 1 && byId.GetValueOrDefault(id)?.LineRange is { } range
                    ? " lines " + ReportValues.Number(range.First) + "–" + ReportValues.Number(range.Last)
                    : "";
                _labels.TryAdd(id, label + lines);
            }
        }
    }

    /// <summary>The labels of <paramref name="run"/>'s captures, read from <paramref name="paths"/>.</summary>
    public static CaptureLabels Of(IReadOnlyList<string> paths, PreparedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new CaptureLabels(run, InputLister.List(paths, new ImportOptions()).Files);
    }

    public string this[string captureId] => _labels.GetValueOrDefault(captureId, captureId);

    /// <summary>For files showing one path: each one's shortest ending of its full path that no other one shares.</summary>
    private static IEnumerable<string> Distinguish(IReadOnlyList<InputFile> files)
    {
        if (files.Count == 1)
            return [files[0].DisplayPath];
        var parts = files.Select(f => f.FullPath.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)).ToList();
        var shown = files[0].DisplayPath.Split('/').Length;
        return parts.Select((own, index) =>
        {
            for (var count = shown; count < own.Length; count++)
            {
                var ending = Ending(own, count);
                if (parts.Count(other => Ending(other, count) == ending) == 1)
                    return ending;
            }
            return files[index].FullPath;
        });
    }

    private static string Ending(string[] parts, int count) => string.Join('/', parts[Math.Max(0, parts.Length - count)..]);
}

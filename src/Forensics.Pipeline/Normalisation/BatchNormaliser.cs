using System.Globalization;
using Forensics.Importers.Normalisation;
using Forensics.Model;
using Forensics.Pipeline.Importing;

namespace Forensics.Pipeline.Normalisation;

/// <summary>Turns the results of a batch's inputs into one batch: captures with ids, normalised, merged by process instance.</summary>
public static class BatchNormaliser
{
    /// <summary>
    /// Gives the captures of every result their ids, normalises them and, when <see cref="ImportOptions.MergeInstances"/>
    /// is on, merges captures of one process instance. The batch does not depend on the order of <paramref name="results"/>.
    /// </summary>
    public static ImportBatch Normalise(IEnumerable<InputResult> results, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(options);
        return NormaliseInPathOrder([.. results.OrderBy(r => r.Record.Path, StringComparer.Ordinal)], options.MergeInstances);
    }

    private static ImportBatch NormaliseInPathOrder(List<InputResult> results, bool mergeInstances)
    {
        var allocator = new CaptureIdAllocator();
        var all = new List<Capture>();
        var originals = new List<(InputResult Result, IReadOnlyList<Capture> Captures)>();
        foreach (var result in results)
        {
            var normalised = new List<Capture>(result.Captures.Count);
            foreach (var capture in result.Captures)
            {
                capture.Id = allocator.Allocate(capture.InputPath, LineRangeOfId(result, capture.LineRange));
                normalised.Add(CaptureNormalizer.Normalize(capture));
            }
            all.AddRange(normalised);
            originals.Add((result, normalised));
        }

        var merged = mergeInstances ? InstanceMerger.Merge(all) : all;
        var idByLabel = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var capture in merged)
        {
            idByLabel.TryAdd(MergeLabel(capture), capture.Id);
            foreach (var label in capture.MergedInputs)
                idByLabel.TryAdd(label, capture.Id);
        }

        // A capture kept as it was has its own id; only a merged one is found by label, since two inputs can show one path.
        var kept = new HashSet<Capture>(merged, ReferenceEqualityComparer.Instance);
        var inputs = originals.Select(o => o.Result.Record with
        {
            CaptureIds = o.Captures.Select(c => kept.Contains(c) ? c.Id : idByLabel.GetValueOrDefault(MergeLabel(c), c.Id)).Distinct().ToList(),
        }).ToList();
        var captures = merged
            .OrderBy(c => c.InputPath, StringComparer.Ordinal)
            .ThenBy(c => c.LineRange?.First ?? 0)
            .ToList();
        return new ImportBatch(inputs, captures);
    }

    /// <summary>Only a capture that shares its document with others has its line range in its id.</summary>
    private static (int First, int Last)? LineRangeOfId(InputResult result, (int First, int Last)? lineRange) =>
        result.Captures.Count > 1 ? lineRange : null;

    /// <summary>How <see cref="InstanceMerger"/> names a merged input in <see cref="Capture.MergedInputs"/>.</summary>
    private static string MergeLabel(Capture capture) =>
        capture.LineRange is { } lines
            ? string.Create(CultureInfo.InvariantCulture, $"{capture.InputPath}:{lines.First}-{lines.Last}")
            : capture.InputPath;
}

using Forensics.Analysis;
using Forensics.Analysis.Comparison;
using Forensics.Reports.Changes;
using Forensics.Model;
using Forensics.Reports.Escaping;

namespace Forensics.Reports;

/// <summary>
/// An <see cref="AnalysisRun"/> in the stable order every writer uses (inputs by path, captures by id,
/// ordinal), with each capture's report slug and the input it came from.
/// </summary>
public sealed class PreparedRun
{
    private readonly Dictionary<string, string> _slugs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InputRecord> _inputByCapture = new(StringComparer.Ordinal);
    private readonly Dictionary<Capture, KindTotals> _totals = new(ReferenceEqualityComparer.Instance);

    public PreparedRun(AnalysisRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Inputs = [.. run.Inputs.OrderBy(i => i.Path, StringComparer.Ordinal)];
        Captures = [.. run.Captures.OrderBy(c => c.Capture.Id, StringComparer.Ordinal).ThenBy(c => c.Capture.InputPath, StringComparer.Ordinal)];
        Comparison = run.Comparison;
        ComparisonRows = run.Comparison is { } comparison ? ComparisonOrder.Rows(comparison.Changes) : [];
        Counts = InputCounts.Of(run);

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var analysis in Captures)
        {
            var id = analysis.Capture.Id;
            var name = UntrustedText.FileNameOf(id);
            // Two ids that differ only in characters a slug drops still get two files.
            var slug = name;
            for (var n = 2; !used.Add(slug); n++)
                slug = name + "-" + ReportValues.Number(n);
            _slugs.TryAdd(id, slug);
        }
        // Capture.MappedBytes adds up every region each time it is read, and four reports print it: the regions are added
        // up here once, by kind, which also gives the page's totals (2,000,000 regions are a pass of 20-30 ms each).
        foreach (var analysis in Captures)
            _totals.TryAdd(analysis.Capture, KindTotals.Of(analysis.Capture));
        foreach (var input in Inputs)
        {
            foreach (var id in input.CaptureIds)
                _inputByCapture.TryAdd(id, input);
        }
    }

    public IReadOnlyList<InputRecord> Inputs { get; }

    /// <summary>The inputs of each status and the captures, as stderr and the exit code count them.</summary>
    public InputCounts Counts { get; }
    public IReadOnlyList<CaptureAnalysis> Captures { get; }
    public ComparisonReport? Comparison { get; }
    public string? BaselineId => Comparison?.BaselineId;
    /// <summary>The comparison's changes as printed, in the order of comparison.csv.</summary>
    public IReadOnlyList<ComparisonRow> ComparisonRows { get; }

    /// <summary>The slug of a capture's report files (<c>captures/SLUG.md</c>, <c>captures/SLUG.svg</c>).</summary>
    public string SlugOf(string captureId) =>
        _slugs.TryGetValue(captureId, out var slug) ? slug : UntrustedText.FileNameOf(captureId);

    /// <summary>A capture's <see cref="Capture.MappedBytes"/>, added up once.</summary>
    public ulong MappedBytesOf(Capture capture) => TotalsOf(capture).MappedBytes;

    /// <summary>A capture's regions and bytes by kind, added up once.</summary>
    internal KindTotals TotalsOf(Capture capture) =>
        _totals.TryGetValue(capture, out var totals) ? totals : KindTotals.Of(capture);

    /// <summary>The input a capture was read from, where the run names one.</summary>
    public InputRecord? InputOf(string captureId) => _inputByCapture.GetValueOrDefault(captureId);
}

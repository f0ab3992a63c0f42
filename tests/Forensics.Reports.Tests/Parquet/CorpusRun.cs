using Forensics.Analysis;
using Forensics.Analysis.Comparison;
using Forensics.Pipeline;
using Forensics.TestSupport;

namespace Forensics.Reports.Tests.Parquet;

/// <summary>
/// A real run over part of <c>corpus/</c>, imported, analysed and compared as the command line does: a live process
/// seen by every tool (merged into its gcore core), a kernel core in three compressions with its maps, a preloaded
/// library, and the bad inputs (failed and partial inputs, diagnostics with lines and offsets).
/// </summary>
internal static class CorpusRun
{
    private static readonly Lazy<PreparedRun> Shared = new(() =>
        Import(TestPaths.CorpusFile("live"), TestPaths.CorpusFile("crash-null"), TestPaths.CorpusFile("preload"), TestPaths.BadInputs));

    public static PreparedRun Prepared => Shared.Value;

    /// <summary>The folders of <c>corpus/</c> imported, analysed and compared as the command line does, with no baseline named.</summary>
    public static PreparedRun Import(params string[] folders)
    {
        var batch = new BatchImporter().Import(folders);
        var analyses = batch.Captures.Select(c => CaptureAnalyzer.Analyze(c, batch.Captures)).ToList();
        return new PreparedRun(new AnalysisRun(batch.Inputs, analyses, CaptureComparer.Compare(analyses, null)));
    }
}

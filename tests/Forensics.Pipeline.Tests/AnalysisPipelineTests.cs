using Forensics.Analysis;
using Forensics.Model;
using Forensics.Pipeline.Importing;
using Forensics.TestSupport;

namespace Forensics.Pipeline.Tests;

public sealed class AnalysisPipelineTests
{
    [Fact]
    public void The_merge_option_reaches_the_normalisation_of_the_batch()
    {
        var merged = RunOnHelloSet(mergeInstances: true);
        var separate = RunOnHelloSet(mergeInstances: false);

        Assert.Equal(merged.Inputs.Select(i => (i.Path, i.Status)), separate.Inputs.Select(i => (i.Path, i.Status)));
        Assert.True(separate.Captures.Count > merged.Captures.Count, $"[{separate.Captures.Count}] captures unmerged, [{merged.Captures.Count}] merged");
        Assert.All(separate.Captures, c => Assert.Empty(c.Capture.MergedInputs));
        Assert.Contains(merged.Captures, c => c.Capture.MergedInputs.Count > 0);
    }

    [Fact]
    public void One_unhashed_input_read_on_the_calling_thread_still_stops_at_a_cancellation()
    {
        var options = new PipelineOptions { Import = new ImportOptions { HashContent = false } };
        var inputs = AnalysisPipeline.List([TestPaths.CorpusFile("crash-null", "core.xz")], options.Import);
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();

        var stopped = Assert.Throws<BatchInterruptedException>(() => AnalysisPipeline.Run(inputs, options, new SilentProgress(), new PhaseTimings(), interrupt.Token));

        Assert.Equal(interrupt.Token, stopped.CancellationToken);
        var whole = AnalysisPipeline.Run(inputs, options, new SilentProgress(), new PhaseTimings());
        Assert.Equal(InputStatus.Ok, Assert.Single(whole.Inputs).Status);
    }

    private static AnalysisRun RunOnHelloSet(bool mergeInstances)
    {
        var options = new PipelineOptions { Jobs = 1, Import = new ImportOptions { MergeInstances = mergeInstances } };
        var inputs = AnalysisPipeline.List([TestPaths.CorpusFile("sets", "set-hello")], options.Import);
        return AnalysisPipeline.Run(inputs, options, new SilentProgress(), new PhaseTimings());
    }
}

using Forensics.Pipeline;
using Forensics.TestSupport;

namespace Forensics.Cli.Tests;

/// <summary>
/// <c>reports/</c> is what the README's main command writes from <c>corpus/</c>. Set FORENSICS_ACCEPT=1 to
/// rewrite it after a deliberate change.
/// </summary>
public sealed class ReportsAreCurrentTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("forensics-reports-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Checked_in_reports_equal_a_fresh_run_on_the_corpus_byte_for_byte()
    {
        var fresh = Analyze(_scratch, "fresh", [TestPaths.Corpus]);
        if (Environment.GetEnvironmentVariable("FORENSICS_ACCEPT") == "1")
        {
            if (Directory.Exists(TestPaths.Reports))
                Directory.Delete(TestPaths.Reports, recursive: true);
            Analyze(TestPaths.RepositoryRoot, "reports", [TestPaths.Corpus]);
        }

        // On a mismatch: run the tests with FORENSICS_ACCEPT=1 to rewrite reports/ if the change is meant.
        ReportFolders.AssertSameFiles(TestPaths.Reports, fresh);
    }

    [Fact]
    public void The_order_of_the_inputs_does_not_change_a_byte()
    {
        var folders = Directory.GetDirectories(TestPaths.Corpus).Where(d => Path.GetFileName(d) != "src").Order(StringComparer.Ordinal).ToArray();
        var forward = Analyze(_scratch, "forward", folders);
        var backward = Analyze(_scratch, "backward", [.. folders.Reverse()]);

        ReportFolders.AssertSameFiles(forward, backward);
    }

    /// <summary>
    /// Two runs of the corpus at the same time, each importing four inputs at once: the cores share the run's module
    /// files (libc) across threads, and nothing a thread meets first or last may show in the reports.
    /// </summary>
    [Fact]
    public async Task Two_parallel_runs_at_the_same_time_write_the_same_bytes()
    {
        var parallel = new PipelineOptions { Jobs = 4 };
        var runs = await Task.WhenAll(new[] { "parallel-1", "parallel-2" }
            .Select(name => Task.Run(() => Analyze(_scratch, name, [TestPaths.Corpus], parallel))));

        ReportFolders.AssertSameFiles(runs[0], runs[1]);
        ReportFolders.AssertSameFiles(TestPaths.Reports, runs[0]);
    }

    private static string Analyze(string parent, string name, string[] inputs, PipelineOptions? options = null)
    {
        var output = Path.Combine(parent, name);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        ForensicsCommandLine.AnalyzeCommand(inputs, output, null, "md,csv", ProgressReporter.Silent, stdout, stderr, options);
        return output;
    }
}

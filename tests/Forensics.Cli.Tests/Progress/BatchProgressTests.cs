using Forensics.Model;
using Forensics.Pipeline.Importing;
using Forensics.Pipeline.Listing;
using Forensics.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Forensics.Cli.Tests.Progress;

public sealed class BatchProgressTests
{
    private static readonly InputStatus[] Statuses = [InputStatus.Ok, InputStatus.Partial, InputStatus.Failed, InputStatus.Skipped];

    [Fact]
    public void Counters_fed_by_parallel_workers_add_up_exactly()
    {
        using var batch = ProgressReporter.Silent.StartBatch(10_000, 49_995_000);

        Parallel.For(0, 10_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var path = "host/" + i;
            batch.FileStarted(path);
            batch.FileDone(path, i, i % 3, Statuses[i % 4]);
        });

        var snapshot = batch.Snapshot();
        Assert.Equal(10_000, snapshot.FilesStarted);
        Assert.Equal(10_000, snapshot.FilesDone);
        // 0 + 1 + ... + 9,999 bytes; i % 3 captures: 3,333 cycles of 0 + 1 + 2.
        Assert.Equal(49_995_000, snapshot.BytesDone);
        Assert.Equal(9_999, snapshot.Captures);
        Assert.Equal((2_500, 2_500, 2_500), (snapshot.Partial, snapshot.Failed, snapshot.Skipped));
        Assert.Equal(5_000, snapshot.Failures);
        Assert.False(snapshot.FileInFlight);
        Assert.Equal(TimeSpan.Zero, snapshot.TimeLeft);
    }

    [Fact]
    public void A_status_outside_the_four_ids_is_refused()
    {
        using var batch = ProgressReporter.Silent.StartBatch(1, 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => batch.FileDone("a.maps", 1, 1, (InputStatus)99));
        Assert.Equal(0, batch.Snapshot().FilesDone);
    }

    [Fact]
    public void Rates_and_time_left_come_from_the_injected_clock()
    {
        var time = new FakeTimeProvider();
        using var batch = ProgressReporter.Lines(TextWriter.Null, time, TimeSpan.FromSeconds(5)).StartBatch(10, 0);
        Assert.Null(batch.Snapshot().FilesPerSecond);

        for (var i = 0; i < 4; i++)
            batch.FileDone("f" + i, 0, 1, InputStatus.Ok);
        time.Advance(TimeSpan.FromSeconds(8));

        var snapshot = batch.Snapshot();
        Assert.Equal(TimeSpan.FromSeconds(8), snapshot.Elapsed);
        Assert.Equal(0.5, snapshot.FilesPerSecond);
        // No bytes in the batch: by files, 8 s for 4 files, 6 to go.
        Assert.Equal(TimeSpan.FromSeconds(12), snapshot.TimeLeft);
    }

    [Fact]
    public void The_parallel_import_of_set_hello_sums_to_23_files_10_captures_13_skipped()
    {
        var importer = new InputImporter();
        var inputs = InputLister.List([TestPaths.CorpusFile("sets", "set-hello")], new ImportOptions());
        var results = new InputResult[inputs.Files.Count];
        var time = new FakeTimeProvider();
        var error = new StringWriter { NewLine = "\n" };

        using (var batch = ProgressReporter.Lines(error, time, TimeSpan.FromSeconds(5)).StartBatch(
            inputs.Files.Count, inputs.Files.Sum(f => new FileInfo(f.FullPath).Length)))
        {
            Parallel.For(0, inputs.Files.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            {
                var file = inputs.Files[i];
                batch.FileStarted(file.DisplayPath);
                results[i] = importer.ImportInput(file.FullPath, file.DisplayPath);
                batch.FileDone(file.DisplayPath, results[i].Record.Bytes, results[i].Captures.Count, results[i].Record.Status);
            });
            time.Advance(TimeSpan.FromSeconds(2));
        }

        // set-hello: 23 files of 330,348 bytes; 10 captures (maps, smaps, smaps_rollup, five pmap layouts, gdb's
        // mappings, the gcore core), 13 other files skipped as not captures.
        Assert.Equal("imported 23 files (323 KiB) in 2.0 s\n", error.ToString());
        Assert.Equal(10, results.Count(r => r.Record.Status == InputStatus.Ok));
    }
}

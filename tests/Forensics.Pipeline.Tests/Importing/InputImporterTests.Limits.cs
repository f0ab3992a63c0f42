using System.Collections.Concurrent;
using Forensics.Elf;
using Forensics.Importers.Detection;
using Forensics.Importers.Tests.Detection;
using Forensics.Model;
using Forensics.Pipeline;
using Forensics.Pipeline.Importing;
using Forensics.Pipeline.Normalisation;
using Forensics.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Forensics.Pipeline.Tests.Importing;

/// <summary>Inputs stopped by a per-file limit, refused, unreadable or changing while read: each named, the batch complete.</summary>
public sealed partial class InputImporterTests
{
    /// <summary>Far above the 0.2–1.7 MB the small corpus inputs below allocate, far below many-maps' 10 MB.</summary>
    private const long SmallInputAllocation = 4L << 20;

    private static readonly string[] SmallCorpusInputs =
        [TestPaths.CorpusFile("aslr-pair", "run-1.maps"), TestPaths.CorpusFile("grow", "before.smaps"), TestPaths.CorpusFile("crash-null", "core.xz")];

    private static readonly string ManyMaps = TestPaths.CorpusFile("bench", "many-maps.maps.xz");

    /// <summary>The small corpus inputs, each read whole: run-1.maps, before.smaps and the crash-null core.</summary>
    private static void AssertSmallInputsComplete(ImportBatch batch)
    {
        Assert.All(new[] { "run-1.maps", "before.smaps", "core.xz" }, path => Assert.Equal((InputStatus.Ok, InputProblem.None), (Input(batch, path).Status, Input(batch, path).Problem)));
        Assert.Equal(25, Assert.Single(batch.Captures, c => c.InputPath == "run-1.maps").Regions.Count);
        Assert.Equal(24, Assert.Single(batch.Captures, c => c.InputPath == "before.smaps").Regions.Count);
        var core = Assert.Single(batch.Captures, c => c.InputPath == "core.xz");
        Assert.Equal(25, core.Regions.Count);
        Assert.Single(core.Threads);
    }

    [Fact]
    public void A_file_over_the_time_limit_is_stopped_and_the_other_inputs_are_imported_whole()
    {
        // The fake clock moves only while the gcore is between hashing and parsing, as if its parse hung there; a real
        // 1 ms limit would also stop the small inputs on a busy machine (their first import includes JIT compilation).
        var clock = new FakeTimeProvider();
        var importer = new BatchImporter(new ImportOptions { FileTimeLimit = TimeSpan.FromMilliseconds(1), Clock = clock, MergeInstances = false })
        {
            BetweenReads = path =>
            {
                if (path.EndsWith("gcore.core.xz", StringComparison.Ordinal))
                    clock.Advance(TimeSpan.FromMilliseconds(5));
            },
        };

        var batch = importer.Import([.. SmallCorpusInputs, TestPaths.CorpusFile("live", "gcore.core.xz")]);

        var stopped = Input(batch, "gcore.core.xz");
        Assert.Equal((InputStatus.Failed, InputProblem.TimeLimit), (stopped.Status, stopped.Problem));
        var diagnostic = Assert.Single(stopped.Diagnostics);
        Assert.Equal(DetectionDiagnosticIds.TimeLimit, diagnostic.Id);
        Assert.NotNull(diagnostic.Location.Offset);
        Assert.StartsWith("error FX2018 at offset 0x", stopped.Reason, StringComparison.Ordinal);
        Assert.Contains("per-file time limit [1 ms] after [5 ms] of CPU time while reading", stopped.Reason, StringComparison.Ordinal);
        Assert.Empty(stopped.CaptureIds);
        // Hashing was done before the stop: the hash is kept as evidence.
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(TestPaths.CorpusFile("live", "gcore.core.xz")))), stopped.Sha256);
        Assert.DoesNotContain(batch.Captures, c => c.InputPath == "gcore.core.xz");
        AssertSmallInputsComplete(batch);
    }

    [Fact]
    public void A_file_over_the_allocation_limit_is_stopped_and_the_other_inputs_are_imported_whole()
    {
        var importer = new BatchImporter(new ImportOptions { FileAllocationLimit = SmallInputAllocation, MergeInstances = false });

        var batch = importer.Import([.. SmallCorpusInputs, ManyMaps]);

        var stopped = Input(batch, "many-maps.maps.xz");
        Assert.Equal((InputStatus.Failed, InputProblem.MemoryLimit), (stopped.Status, stopped.Problem));
        Assert.Equal(DetectionDiagnosticIds.MemoryLimit, Assert.Single(stopped.Diagnostics).Id);
        // It stops at a line checkpoint: the first when the text's buffers were newly allocated, a later one when the
        // shared buffer pool already held buffers of that size (other tests ran before) and the regions went over.
        Assert.Matches(@"^error FX2019 at line \d+: stopped by the per-file allocation limit \[4194304\] bytes after \[", stopped.Reason);
        Assert.Equal(12260, stopped.Bytes);
        Assert.DoesNotContain(batch.Captures, c => c.InputPath == "many-maps.maps.xz");
        AssertSmallInputsComplete(batch);
    }

    [Fact]
    public void Budgets_are_per_file_and_per_thread_when_inputs_are_imported_in_parallel()
    {
        var options = new ImportOptions { FileAllocationLimit = SmallInputAllocation, MergeInstances = false };
        var importer = new InputImporter(options);
        var inputs = Enumerable.Repeat(SmallCorpusInputs, 4).SelectMany(p => p).Append(ManyMaps)
            .Select((path, index) => (path, display: index + "/" + Path.GetFileName(path)))
            .ToList();
        var results = new ConcurrentBag<InputResult>();

        Parallel.ForEach(inputs, new ParallelOptions { MaxDegreeOfParallelism = 4 }, input => results.Add(importer.ImportInput(input.path, input.display)));
        var batch = BatchNormaliser.Normalise(results, options);

        Assert.Equal((InputStatus.Failed, InputProblem.MemoryLimit), (Input(batch, "12/many-maps.maps.xz").Status, Input(batch, "12/many-maps.maps.xz").Problem));
        Assert.All(batch.Inputs.Where(i => i.Path != "12/many-maps.maps.xz"), i => Assert.Equal((InputStatus.Ok, InputProblem.None), (i.Status, i.Problem)));
        Assert.Equal(
            Enumerable.Repeat(new[] { 25, 24, 25 }, 4).SelectMany(c => c),
            inputs.SkipLast(1).Select(i => Assert.Single(batch.Captures, c => c.InputPath == i.display).Regions.Count));
    }

    [Fact]
    public void Text_over_the_size_limit_is_partial_with_its_start_read_and_the_other_inputs_whole()
    {
        var importer = new BatchImporter(new ImportOptions { MaxTextBytes = 64 * 1024, MergeInstances = false });

        var batch = importer.Import([.. SmallCorpusInputs, ManyMaps]);

        var large = Input(batch, "many-maps.maps.xz");
        Assert.Equal((InputStatus.Partial, InputProblem.TooLarge), (large.Status, large.Problem));
        Assert.StartsWith("error FX2006 at offset 0x10000: text input is larger than [65536] bytes", large.Reason, StringComparison.Ordinal);
        // The first 65536 bytes hold 1331 whole lines and the cut start of the next.
        Assert.Equal(1331, Assert.Single(batch.Captures, c => c.InputPath == "many-maps.maps.xz").Regions.Count);
        AssertSmallInputsComplete(batch);
    }

    [Fact]
    public void Permission_denied_and_other_read_errors_are_different_problems_and_the_batch_goes_on()
    {
        // Tests run as root, where chmod 000 denies nothing. A sysctl of mode 0200 is refused even to root (procfs
        // checks its own mode bits, not the DAC override), so the real open(2) fails with EACCES. /proc/self/mem
        // opens, but reading address 0 (never mapped) fails with EIO.
        using var folder = new TemporaryFolder();
        folder.Write("maps", Sample("set-system", "sleep", "maps"));

        var batch = new BatchImporter().Import([folder.Path, "/proc/sys/vm/drop_caches", "/proc/self/mem"]);

        var refused = Input(batch, "drop_caches");
        Assert.Equal((InputStatus.Failed, InputProblem.PermissionDenied), (refused.Status, refused.Problem));
        Assert.Equal(DetectionDiagnosticIds.PermissionDenied, Assert.Single(refused.Diagnostics).Id);
        Assert.StartsWith("error FX2016: permission denied: ", refused.Reason, StringComparison.Ordinal);
        var unreadable = Input(batch, "mem");
        Assert.Equal((InputStatus.Failed, InputProblem.Unreadable), (unreadable.Status, unreadable.Problem));
        Assert.Equal(DetectionDiagnosticIds.UnreadableInput, Assert.Single(unreadable.Diagnostics).Id);
        var maps = Assert.Single(batch.Inputs, i => i.Path.EndsWith("/maps", StringComparison.Ordinal));
        Assert.Equal((InputStatus.Ok, InputProblem.None), (maps.Status, maps.Problem));
        Assert.Equal(26, Assert.Single(batch.Captures).Regions.Count);
    }

    [Fact]
    public void A_file_that_changes_or_goes_away_between_hashing_and_parsing_is_named_so()
    {
        using var folder = new TemporaryFolder();
        var sleep = Sample("set-system", "sleep", "maps");
        var firstTwentyLines = string.Join('\n', System.Text.Encoding.UTF8.GetString(sleep).Split('\n')[..20]) + "\n";
        var growing = folder.Write("growing/maps", firstTwentyLines);
        var vanishing = folder.Write("vanishing/maps", sleep);
        folder.Write("steady/maps", Sample("set-hello", "maps"));
        var importer = new BatchImporter(new ImportOptions { MergeInstances = false })
        {
            BetweenReads = path =>
            {
                if (path == growing)
                    File.WriteAllBytes(path, sleep);
                else if (path == vanishing)
                    File.Delete(path);
            },
        };

        var batch = importer.Import([folder.Path]);

        Assert.Equal(["growing/maps", "steady/maps", "vanishing/maps"], batch.Inputs.Select(i => i.Path));
        var changed = Input(batch, "growing/maps");
        Assert.Equal((InputStatus.Partial, InputProblem.ChangedWhileReading), (changed.Status, changed.Problem));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(firstTwentyLines))), changed.Sha256);
        Assert.StartsWith($"error FX2017: the file changed while it was read: [{firstTwentyLines.Length}] bytes modified [", changed.Reason, StringComparison.Ordinal);
        // What the parse saw is kept, and flagged on the capture too.
        var capture = Assert.Single(batch.Captures, c => c.InputPath == "growing/maps");
        Assert.Equal(26, capture.Regions.Count);
        Assert.Contains(capture.Diagnostics.Items, d => d.Id == DetectionDiagnosticIds.ChangedWhileReading && d.Severity == DiagnosticSeverity.Error);
        var gone = Input(batch, "vanishing/maps");
        Assert.Equal((InputStatus.Failed, InputProblem.NotFound), (gone.Status, gone.Problem));
        Assert.Equal(DetectionDiagnosticIds.PathNotFound, Assert.Single(gone.Diagnostics).Id);
        Assert.Equal((InputStatus.Ok, InputProblem.None), (Input(batch, "steady/maps").Status, Input(batch, "steady/maps").Problem));
        Assert.Equal(39, Assert.Single(batch.Captures, c => c.InputPath == "steady/maps").Regions.Count);
    }

    [Fact]
    public void Depth_limits_and_unfollowed_directory_links_are_named_and_the_batch_goes_on()
    {
        using var folder = new TemporaryFolder();
        var maps = Sample("set-system", "sleep", "maps");
        folder.Write("maps", maps);
        folder.Write("deep/er/maps", maps);
        folder.Write("nested.gz", Compressors.Gzip(Compressors.Gzip(Compressors.Gzip(maps))));
        Directory.CreateSymbolicLink(folder.File("linked"), folder.File("deep"));

        var batch = new BatchImporter(new ImportOptions { MaxDepth = 1, FollowDirectoryLinks = false }).Import([folder.Path]);

        Assert.Equal(
            [("deep/er", InputStatus.Skipped, InputProblem.TooDeep), ("linked", InputStatus.Skipped, InputProblem.LinkNotFollowed),
             ("maps", InputStatus.Ok, InputProblem.None), ("nested.gz", InputStatus.Failed, InputProblem.TooDeep)],
            batch.Inputs.Select(i => (i.Path, i.Status, i.Problem)));
        Assert.Equal(26, Assert.Single(batch.Captures).Regions.Count);
    }

    [Fact]
    public void Every_input_that_is_not_ok_has_a_problem_and_every_ok_input_none()
    {
        var batch = new BatchImporter().Import([TestPaths.Corpus]);

        Assert.All(batch.Inputs, i => Assert.Equal(i.Status == InputStatus.Ok, i.Problem == InputProblem.None));
        Assert.All(batch.Inputs.Where(i => i.Status != InputStatus.Ok), i => Assert.False(string.IsNullOrEmpty(i.Reason), i.Path));
    }
}

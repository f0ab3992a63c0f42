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
    /// <summary>
    /// Above the 0.2–2.1 MB the small corpus inputs below allocate on a thread whose buffer pool is still empty (the
    /// core's decompression the most; the hash, made on threads of its own, no longer fills the pool before it), far
    /// below what the smaps of many-maps allocates (14 MB of text: its regions and their metrics alone pass 7 MB). The
    /// maps of many-maps, which allocated 10 MB when its lines were decoded and a region was 112 bytes, now allocates
    /// about 3 MB, too close to the limit.
    /// </summary>
    private const long SmallInputAllocation = 3L << 20;

    private static readonly string[] SmallCorpusInputs =
        [TestPaths.CorpusFile("aslr-pair", "run-1.maps"), TestPaths.CorpusFile("grow", "before.smaps"), TestPaths.CorpusFile("crash-null", "core.xz")];

    private static readonly string ManyMaps = TestPaths.CorpusFile("bench", "many-maps.maps.xz");
    private static readonly string ManySmaps = TestPaths.CorpusFile("bench", "many-maps.smaps.xz");

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
        Assert.Equal(DiagnosticCatalogue.TimeLimit.Id, diagnostic.Id);
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

        var batch = importer.Import([.. SmallCorpusInputs, ManySmaps]);

        var stopped = Input(batch, "many-maps.smaps.xz");
        Assert.Equal((InputStatus.Failed, InputProblem.MemoryLimit), (stopped.Status, stopped.Problem));
        Assert.Equal(DiagnosticCatalogue.MemoryLimit.Id, Assert.Single(stopped.Diagnostics).Id);
        // It stops at a line checkpoint: the first when the text's buffers were newly allocated, a later one when the
        // shared buffer pool already held buffers of that size (other tests ran before) and the regions went over.
        Assert.Matches(@"^error FX2019 at line \d+: stopped by the per-file allocation limit \[3145728\] bytes after \[", stopped.Reason);
        Assert.Equal(33360, stopped.Bytes);
        Assert.DoesNotContain(batch.Captures, c => c.InputPath == "many-maps.smaps.xz");
        AssertSmallInputsComplete(batch);
    }

    [Fact]
    public void Budgets_are_per_file_and_per_thread_when_inputs_are_imported_in_parallel()
    {
        var options = new ImportOptions { FileAllocationLimit = SmallInputAllocation, MergeInstances = false };
        var importer = new InputImporter(options);
        var inputs = Enumerable.Repeat(SmallCorpusInputs, 4).SelectMany(p => p).Append(ManySmaps)
            .Select((path, index) => (path, display: index + "/" + Path.GetFileName(path)))
            .ToList();
        var results = new ConcurrentBag<InputResult>();

        Parallel.ForEach(inputs, new ParallelOptions { MaxDegreeOfParallelism = 4 }, input => results.Add(importer.ImportInput(input.path, input.display)));
        var batch = BatchNormaliser.Normalise(results, options);

        Assert.Equal((InputStatus.Failed, InputProblem.MemoryLimit), (Input(batch, "12/many-maps.smaps.xz").Status, Input(batch, "12/many-maps.smaps.xz").Problem));
        Assert.All(batch.Inputs.Where(i => i.Path != "12/many-maps.smaps.xz"), i => Assert.Equal((InputStatus.Ok, InputProblem.None), (i.Status, i.Problem)));
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
        // The first 65536 bytes hold 1331 whole lines, which end at 0xffef, and the cut start of the next.
        Assert.StartsWith("error FX2006 at offset 0xffef: text input is larger than [65536] bytes; reading stopped at offset [65519]", large.Reason, StringComparison.Ordinal);
        Assert.Equal(1331, Assert.Single(batch.Captures, c => c.InputPath == "many-maps.maps.xz").Regions.Count);
        AssertSmallInputsComplete(batch);
    }

    private const int OneMiB = 1 << 20;

    /// <summary>Anonymous regions as /proc/PID/maps writes them, 48 bytes a line, from line <paramref name="first"/> on.</summary>
    private static string AnonymousLines(int first, int count) => string.Concat(Enumerable.Range(first, count).Select(index =>
        $"{0x7f0000000000L + index * 0x2000L:x}-{0x7f0000001000L + index * 0x2000L:x} rw-p 00000000 00:00 0\n"));

    /// <summary>Imports one file on this thread under a 1 MiB text limit; also what importing it allocated.</summary>
    private static (InputResult Result, long Allocated) ImportUnderOneMiB(string path)
    {
        var importer = new InputImporter(new ImportOptions { MaxTextBytes = OneMiB });
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = importer.ImportInput(path, Path.GetFileName(path));
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_maps_far_over_the_text_limit_is_read_to_its_last_whole_line_within_the_limit_with_memory_bound_by_the_limit()
    {
        using var folder = new TemporaryFolder();
        // 700,000 lines of 48 bytes: 32 MiB, of which the first 1 MiB holds 21,845 whole lines (1,048,560 bytes).
        var path = folder.Write("big.maps", AnonymousLines(0, 700_000));

        var (result, allocated) = ImportUnderOneMiB(path);

        var record = result.Record;
        Assert.Equal((InputStatus.Partial, InputProblem.TooLarge), (record.Status, record.Problem));
        Assert.StartsWith("error FX2006 at offset 0xffff0: text input is larger than [1048576] bytes; reading stopped at offset [1048560]", record.Reason, StringComparison.Ordinal);
        Assert.Equal(33_600_000, record.Bytes);
        var regions = Assert.Single(result.Captures).Regions;
        Assert.Equal(21_845, regions.Count);
        Assert.Equal(0x7f0000000000UL + 21_844 * 0x2000UL, regions[^1].Start);
        // The 32 MiB file read whole would allocate far more than this: the bound follows the limit, not the file.
        Assert.InRange(allocated, 0, 16L * OneMiB);
    }

    [Fact]
    public void A_single_line_over_the_text_limit_stops_reading_at_the_end_of_the_line_before_it()
    {
        using var folder = new TemporaryFolder();
        var huge = "7f1000000000-7f1000001000 r--p 00000000 08:01 42 /" + new string('a', 32 * OneMiB) + "\n";
        var path = folder.Write("one-line.maps", AnonymousLines(0, 3) + huge + AnonymousLines(3, 3));

        var (result, allocated) = ImportUnderOneMiB(path);

        var record = result.Record;
        Assert.Equal((InputStatus.Partial, InputProblem.TooLarge), (record.Status, record.Problem));
        Assert.StartsWith("error FX2006 at offset 0x90: text input is larger than [1048576] bytes; reading stopped at offset [144]", record.Reason, StringComparison.Ordinal);
        Assert.Equal(3, Assert.Single(result.Captures).Regions.Count);
        Assert.InRange(allocated, 0, 8L * OneMiB);
    }

    [Fact]
    public void Text_over_the_limit_without_a_whole_line_in_it_fails_as_too_large()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("no-line-end.maps", new string('a', 4 * OneMiB));

        var (result, _) = ImportUnderOneMiB(path);

        Assert.Equal((InputStatus.Failed, InputProblem.TooLarge), (result.Record.Status, result.Record.Problem));
        Assert.StartsWith("error FX2006 at offset 0x0: text input is larger than [1048576] bytes; reading stopped at offset [0]", result.Record.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Captures);
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
        Assert.Equal(DiagnosticCatalogue.PermissionDenied.Id, Assert.Single(refused.Diagnostics).Id);
        Assert.StartsWith("error FX2016: permission denied: ", refused.Reason, StringComparison.Ordinal);
        var unreadable = Input(batch, "mem");
        Assert.Equal((InputStatus.Failed, InputProblem.Unreadable), (unreadable.Status, unreadable.Problem));
        Assert.Equal(DiagnosticCatalogue.UnreadableInput.Id, Assert.Single(unreadable.Diagnostics).Id);
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
        Assert.Contains(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.ChangedWhileReading.Id && d.Severity == DiagnosticSeverity.Error);
        var gone = Input(batch, "vanishing/maps");
        Assert.Equal((InputStatus.Failed, InputProblem.NotFound), (gone.Status, gone.Problem));
        Assert.Equal(DiagnosticCatalogue.PathNotFound.Id, Assert.Single(gone.Diagnostics).Id);
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

using Forensics.Pipeline;
using Forensics.Pipeline.Listing;
using Forensics.Pipeline.Store;
using Forensics.TestSupport;

namespace Forensics.Cli.Tests.Batch;

/// <summary>Parallel, sharded, merged and incremental runs give the same reports as one plain run.</summary>
public sealed class BatchTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("forensics-batch-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/3", 2, 3)]
    [InlineData("16/16", 16, 16)]
    public void A_shard_is_K_of_N(string text, int index, int count)
    {
        Assert.True(Shard.TryParse(text, out var shard));
        Assert.Equal(new Shard(index, count), shard);
        Assert.Equal(text, shard.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1/0")]
    [InlineData("-1/3")]
    [InlineData("1/3/5")]
    [InlineData(" 1/3")]
    public void A_bad_shard_is_refused(string text) => Assert.False(Shard.TryParse(text, out _));

    [Fact]
    public void The_slices_of_the_corpus_are_disjoint_and_cover_every_input()
    {
        var paths = Directory.GetFiles(TestPaths.Corpus, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(TestPaths.Corpus, f).Replace('\\', '/')).ToList();
        var slices = Enumerable.Range(1, 3).Select(k => paths.Where(new Shard(k, 3).Includes).ToList()).ToList();

        Assert.Equal(paths.Count, slices.Sum(s => s.Count));
        Assert.Equal(paths.Order(StringComparer.Ordinal), slices.SelectMany(s => s).Order(StringComparer.Ordinal));
        // A hash spreads them: no slice is empty or holds nearly all.
        Assert.All(slices, s => Assert.InRange(s.Count, paths.Count / 6, paths.Count / 2));
    }

    [Fact]
    public void Three_shards_merged_equal_the_unsharded_run_byte_for_byte()
    {
        // Other projects' cores, texts and crash containers, a kernel core in four compressions, a live process seen by every tool,
        // an ASLR pair, the bad inputs, a broken link and a link loop.
        string[] roots = [.. ((string[])["public", "crash-null", "live", "aslr-pair"]).Select(f => TestPaths.CorpusFile(f)), TestPaths.BadInputs, Extras()];
        var whole = Path.Combine(_scratch, "whole");
        Assert.Equal(ExitCodes.SomeInputsFailed, Analyze(roots, whole, new PipelineOptions()).Code);

        var shards = new List<string>();
        var inputsPerShard = new List<int>();
        for (var k = 1; k <= 3; k++)
        {
            var folder = Path.Combine(_scratch, "shard-" + k);
            Analyze(roots, folder, new PipelineOptions { Shard = new Shard(k, 3), OutputDirectory = folder });
            shards.Add(folder);
            inputsPerShard.Add(File.ReadAllLines(Path.Combine(folder, "inputs.csv")).Length - 1);
        }
        var merged = Path.Combine(_scratch, "merged");
        var (code, error) = Merge(shards, merged);

        Assert.Equal(ExitCodes.SomeInputsFailed, code);
        Assert.Contains("failed: extras/broken-link", error, StringComparison.Ordinal);
        var allInputs = File.ReadAllLines(Path.Combine(whole, "inputs.csv")).Length - 1;
        // 95 corpus inputs (the files of the copied folders, public/ with its licences, samples and tars, and its 3 ABRT problem directories), 8 bad inputs and the two extras; every shard took some.
        Assert.Equal(105, allInputs);
        Assert.Equal(allInputs, inputsPerShard.Sum());
        Assert.All(inputsPerShard, n => Assert.InRange(n, 1, allInputs - 1));
        ReportFolders.AssertSameFiles(whole, merged);

        // A merged folder keeps the results it merged, so merges can be merged: (1 + 2) + 3 gives the same reports.
        var firstTwo = Path.Combine(_scratch, "merged-1-2");
        Merge([shards[0], shards[1]], firstTwo);
        var twice = Path.Combine(_scratch, "merged-twice");
        Merge([firstTwo, shards[2]], twice);
        ReportFolders.AssertSameFiles(whole, twice);
    }

    [Fact]
    public void Names_with_a_newline_or_a_tab_survive_shards_and_merge()
    {
        var evidence = Directory.CreateDirectory(Path.Combine(_scratch, "evidence")).FullName;
        string[] names = ["two\nlines.maps", "a\ttab.maps", "\nleading.maps", "plain.maps", "end\n", "x\t\ny.maps"];
        for (var i = 0; i < names.Length; i++)
            File.Copy(TestPaths.CorpusFile("aslr-pair", i % 2 == 0 ? "run-1.maps" : "run-2.maps"), Path.Combine(evidence, names[i]));
        var whole = Path.Combine(_scratch, "whole");
        Assert.Equal(ExitCodes.Success, Analyze([evidence], whole, new PipelineOptions()).Code);

        var shards = new List<string>();
        for (var k = 1; k <= 2; k++)
        {
            var folder = Path.Combine(_scratch, "shard-" + k);
            Analyze([evidence], folder, new PipelineOptions { Shard = new Shard(k, 2), OutputDirectory = folder });
            shards.Add(folder);
        }
        var merged = Path.Combine(_scratch, "merged");
        var (code, _) = Merge(shards, merged);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("two\\nlines.maps,ok", File.ReadAllText(Path.Combine(merged, "inputs.csv")), StringComparison.Ordinal);
        Assert.Equal(names.Length, File.ReadAllLines(Path.Combine(merged, ResultFolder.FolderName, "inputs.jsonl")).Length);
        ReportFolders.AssertSameFiles(whole, merged);
    }

    [Fact]
    public void One_job_and_four_jobs_write_the_same_bytes()
    {
        var one = Path.Combine(_scratch, "one");
        var four = Path.Combine(_scratch, "four");
        Analyze([TestPaths.Corpus], one, new PipelineOptions { Jobs = 1 });
        Analyze([TestPaths.Corpus], four, new PipelineOptions { Jobs = 4 });

        ReportFolders.AssertSameFiles(one, four);
    }

    [Fact]
    public void A_busy_machine_changes_no_byte_of_the_reports()
    {
        string[] roots = [TestPaths.CorpusFile("aslr-pair"), TestPaths.CorpusFile("grow"), TestPaths.CorpusFile("live", "maps"),
            TestPaths.CorpusFile("live", "smaps"), TestPaths.CorpusFile("live", "gdb-mappings.txt"), TestPaths.CorpusFile("crash-null", "core.xz")];
        // Far above the CPU time these inputs take (the first one's includes JIT compilation), far below the wall-clock
        // time they take while other threads keep every CPU busy.
        var options = new PipelineOptions { Jobs = 2, Import = new Pipeline.Importing.ImportOptions { FileTimeLimit = TimeSpan.FromSeconds(2) } };
        var quiet = Path.Combine(_scratch, "quiet");
        Analyze(roots, quiet, options);

        var busy = Path.Combine(_scratch, "busy");
        using (var hog = new CpuHog(Environment.ProcessorCount * 8))
            Assert.Equal(ExitCodes.Success, Analyze(roots, busy, options).Code);

        ReportFolders.AssertSameFiles(quiet, busy);
    }

    /// <summary>Threads that keep every CPU busy until disposed.</summary>
    private sealed class CpuHog : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly List<Thread> _threads = [];

        public CpuHog(int threads)
        {
            for (var index = 0; index < threads; index++)
            {
                var thread = new Thread(() =>
                {
                    var spins = 0UL;
                    while (!_stop.IsCancellationRequested)
                        spins++;
                    GC.KeepAlive(spins);
                }) { IsBackground = true };
                thread.Start();
                _threads.Add(thread);
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _threads.ForEach(t => t.Join());
            _stop.Dispose();
        }
    }

    [Fact]
    public void A_second_run_reuses_the_results_of_unchanged_inputs_and_imports_the_rest()
    {
        var evidence = Path.Combine(_scratch, "evidence");
        foreach (var folder in (string[])["aslr-pair", "crash-null"])
            CopyFolder(Path.Combine(TestPaths.Corpus, folder), Path.Combine(evidence, folder));
        CopyFolder(TestPaths.BadInputs, Path.Combine(evidence, "bad-inputs"));
        var output = Path.Combine(_scratch, "out");
        var first = Analyze([evidence], output, new PipelineOptions { OutputDirectory = output });
        Assert.DoesNotContain("reused", first.Error, StringComparison.Ordinal);

        // One input changes, one goes, one arrives: 23 inputs, 21 of them unchanged, of which the empty file is looked at
        // again rather than hashed (a file of length 0 may be a FIFO).
        File.AppendAllText(Path.Combine(evidence, "aslr-pair", "run-2.maps"), "7ffff7ff0000-7ffff7ff1000 r--p 00000000 00:00 0\n");
        File.Delete(Path.Combine(evidence, "crash-null", "core.gz"));
        File.Copy(TestPaths.CorpusFile("live", "maps"), Path.Combine(evidence, "live.maps"));
        var second = Analyze([evidence], output, new PipelineOptions { OutputDirectory = output });

        Assert.Contains("reused the kept results of 20 unchanged input(s) of 23", second.Error, StringComparison.Ordinal);
        var fresh = Path.Combine(_scratch, "fresh");
        Analyze([evidence], fresh, new PipelineOptions { OutputDirectory = fresh, Fresh = true });
        ReportFolders.AssertSameFiles(fresh, output);
        // The result of the deleted input is not kept any more.
        Assert.Equal(23, ResultFolder.CountKept(output));
    }

    [Fact]
    public void A_problem_directory_is_imported_again_when_one_of_its_items_changes()
    {
        var evidence = Path.Combine(_scratch, "evidence");
        CopyFolder(TestPaths.CorpusFile("public", "abrt", "upload-handling"), Path.Combine(evidence, "upload-handling"));
        var output = Path.Combine(_scratch, "out");
        Analyze([evidence], output, new PipelineOptions { OutputDirectory = output });

        var unchanged = Analyze([evidence], output, new PipelineOptions { OutputDirectory = output });
        // The folder's own times do not move when an item's content does; the items' identities key the result.
        File.AppendAllText(Path.Combine(evidence, "upload-handling", "reason"), "\n");
        var changed = Analyze([evidence], output, new PipelineOptions { OutputDirectory = output });

        Assert.Contains("reused the kept results of 1 unchanged input(s) of 1", unchanged.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("reused", changed.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every member the importers fill must survive the result store: reports made from kept results equal those of
    /// a fresh import, over the whole corpus (frames, facts, module places, rollup totals, unsupported cores…).
    /// </summary>
    [Fact]
    public void Reports_from_the_kept_results_of_the_whole_corpus_equal_a_fresh_run()
    {
        var output = Path.Combine(_scratch, "kept");
        Analyze([TestPaths.Corpus], output, new PipelineOptions { OutputDirectory = output });
        var second = Analyze([TestPaths.Corpus], output, new PipelineOptions { OutputDirectory = output });

        Assert.Matches(@"reused the kept results of (\d+) unchanged input\(s\) of \1\n", second.Error);
        var fresh = Path.Combine(_scratch, "fresh");
        Analyze([TestPaths.Corpus], fresh, new PipelineOptions { OutputDirectory = fresh, Fresh = true });
        ReportFolders.AssertSameFiles(fresh, output);
    }

    [Fact]
    public void Merge_of_a_folder_without_results_says_what_to_give()
    {
        var (code, error) = Merge([_scratch], Path.Combine(_scratch, "merged"));

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains("holds no results of a run", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_of_a_damaged_result_names_it_and_says_to_run_that_shard_again()
    {
        var folder = Path.Combine(_scratch, "shard");
        Analyze([Path.Combine(TestPaths.Corpus, "aslr-pair")], folder, new PipelineOptions { OutputDirectory = folder });
        var stored = Directory.GetFiles(Path.Combine(folder, ResultFolder.FolderName), "*.fxpk").Order(StringComparer.Ordinal).First();
        File.WriteAllBytes(stored, File.ReadAllBytes(stored)[..40]);

        var (code, error) = Merge([folder], Path.Combine(_scratch, "merged"));

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains(Path.GetFileName(stored), error, StringComparison.Ordinal);
        Assert.Contains("run that shard again", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_refuses_one_path_with_different_results_in_two_folders()
    {
        var evidence = Path.Combine(_scratch, "evidence");
        Directory.CreateDirectory(evidence);
        File.Copy(TestPaths.CorpusFile("aslr-pair", "run-1.maps"), Path.Combine(evidence, "a.maps"));
        var first = Path.Combine(_scratch, "first");
        Analyze([evidence], first, new PipelineOptions { OutputDirectory = first });
        File.Copy(TestPaths.CorpusFile("aslr-pair", "run-2.maps"), Path.Combine(evidence, "a.maps"), overwrite: true);
        var second = Path.Combine(_scratch, "second");
        Analyze([evidence], second, new PipelineOptions { OutputDirectory = second });

        var (code, error) = Merge([first, second], Path.Combine(_scratch, "merged"));

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains("the result of [a.maps] differs between", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_line_takes_jobs_and_shard_and_refuses_bad_values()
    {
        var output = Path.Combine(_scratch, "out");
        var (code, _, _) = Run("analyze", Path.Combine(TestPaths.Corpus, "aslr-pair"), "--out", output, "--quiet", "--jobs", "2", "--shard", "1/1");
        Assert.Equal(ExitCodes.Success, code);
        Assert.True(File.Exists(Path.Combine(output, ResultFolder.FolderName, "inputs.jsonl")));

        var badShard = Run("analyze", TestPaths.Corpus, "--out", output, "--shard", "4/3");
        Assert.Equal(ExitCodes.BadUsage, badShard.Code);
        Assert.Contains("--shard: [4/3] is not K/N", badShard.Error, StringComparison.Ordinal);
        var badJobs = Run("analyze", TestPaths.Corpus, "--out", output, "--jobs", "0");
        Assert.Equal(ExitCodes.BadUsage, badJobs.Code);
        Assert.Contains("--jobs: [0] is not a whole number from 1", badJobs.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_per_file_memory_limit_stops_the_large_inputs_and_the_others_are_reported_whole()
    {
        var output = Path.Combine(_scratch, "out");

        // Each capture of 20,000 mappings makes more than 1 MiB of regions, whatever buffers are pooled already.
        var (code, _, error) = Run("analyze", Path.Combine(TestPaths.Corpus, "bench"), Path.Combine(TestPaths.Corpus, "aslr-pair"),
            "--out", output, "--quiet", "--file-memory-limit", "1");

        Assert.Equal(ExitCodes.SomeInputsFailed, code);
        Assert.Contains("failed: bench/many-maps.maps.xz: error FX2019", error, StringComparison.Ordinal);
        Assert.Contains("stopped by the per-file allocation limit [1048576] bytes", error, StringComparison.Ordinal);
        var inputs = File.ReadAllLines(Path.Combine(output, "inputs.csv")).Skip(1).Select(l => string.Join(',', l.Split(',')[..3]));
        Assert.Equal(
            [
                "aslr-pair/run-1.maps,ok,none", "aslr-pair/run-2.maps,ok,none", "bench/commands.log,skipped,not-a-capture",
                "bench/many-maps.maps.size.txt,skipped,not-a-capture", "bench/many-maps.maps.xz,failed,memory-limit",
                "bench/many-maps.smaps.size.txt,skipped,not-a-capture", "bench/many-maps.smaps.xz,failed,memory-limit",
            ],
            inputs);
        // Both maps of the ASLR pair whole: 25 regions each, and a header row.
        Assert.Equal(51, File.ReadAllLines(Path.Combine(output, "regions.csv")).Length);
    }

    [Fact]
    public void Results_that_cannot_be_kept_do_not_fail_the_run()
    {
        var output = Directory.CreateDirectory(Path.Combine(_scratch, "out")).FullName;
        File.WriteAllText(Path.Combine(output, ResultFolder.FolderName), "a file where the kept results should go");

        var result = Analyze([Path.Combine(TestPaths.Corpus, "aslr-pair")], output, new PipelineOptions { OutputDirectory = output });

        Assert.Equal(ExitCodes.Success, result.Code);
        Assert.Contains("cannot keep results in [" + Path.Combine(output, ResultFolder.FolderName) + "]: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("; the next run imports everything again", result.Error, StringComparison.Ordinal);
        Assert.Equal(51, File.ReadAllLines(Path.Combine(output, "regions.csv")).Length);
    }

    [Fact]
    public void An_output_folder_that_cannot_be_written_is_bad_usage_in_one_line()
    {
        var notAFolder = Path.Combine(_scratch, "file");
        File.WriteAllText(notAFolder, "a file where the reports should go");

        var (code, _, error) = Run("analyze", Path.Combine(TestPaths.Corpus, "aslr-pair"), "--out", notAFolder, "--quiet");

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.StartsWith("--out: cannot write to [" + notAFolder + "]: ", error, StringComparison.Ordinal);
        Assert.EndsWith("; give a folder you can write to." + Environment.NewLine, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_redirected_run_ends_with_the_time_of_each_phase()
    {
        // Hashing runs beside the import: its time is shown, and left out of the total.
        var result = Analyze([Path.Combine(TestPaths.Corpus, "aslr-pair")], Path.Combine(_scratch, "out"), new PipelineOptions());

        Assert.Matches(@"time: list \d+\.\d s, import \d+\.\d s, hash \d+\.\d s beside import, normalise \d+\.\d s, analysis \d+\.\d s, compare \d+\.\d s, write \d+\.\d s; total \d+\.\d s", result.Error);
    }

    /// <summary>A broken symbolic link and a symbolic-link loop: inputs that are results before anything is read.</summary>
    private string Extras()
    {
        var extras = Directory.CreateDirectory(Path.Combine(_scratch, "extras")).FullName;
        File.CreateSymbolicLink(Path.Combine(extras, "broken-link"), Path.Combine(extras, "missing"));
        Directory.CreateSymbolicLink(Path.Combine(extras, "loop"), extras);
        return extras;
    }

    private static (int Code, string Error) Analyze(string[] roots, string output, PipelineOptions options)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = ForensicsCommandLine.AnalyzeCommand(roots, output, null, "md,csv", ProgressReporter.Lines(stderr), stdout, stderr, options);
        return (code, stderr.ToString());
    }

    private static (int Code, string Error) Merge(IReadOnlyList<string> folders, string output)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = ForensicsCommandLine.MergeCommand(folders, output, null, "md,csv", ProgressReporter.Silent, stdout, stderr, jobs: 2);
        return (code, stderr.ToString());
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ForensicsCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
    }
}

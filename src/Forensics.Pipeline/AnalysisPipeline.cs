using System.Collections.Concurrent;
using System.Globalization;
using Forensics.Analysis;
using Forensics.Analysis.Comparison;
using Forensics.Elf.Sources;
using Forensics.Importers.Detection;
using Forensics.Model;
using Forensics.Pipeline.Importing;
using Forensics.Pipeline.Listing;
using Forensics.Pipeline.Normalisation;
using Forensics.Pipeline.Store;

namespace Forensics.Pipeline;

/// <summary>
/// The run, from paths to one finished <see cref="AnalysisRun"/>: list the paths, import the inputs of this run's
/// shard in parallel (or load their kept results), normalise and merge the batch, analyse every capture in parallel,
/// compare. The order of the results never depends on the scheduling: inputs keep their place in path order and
/// <see cref="BatchNormaliser"/> sorts what it is given.
/// </summary>
public static class AnalysisPipeline
{
    /// <summary>How long an interrupted import waits for the inputs under way: Ctrl-C must stop the run within two seconds.</summary>
    private static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(1);

    /// <summary>The inputs under <paramref name="paths"/>, every shard's, in path order.</summary>
    public static InputList List(IReadOnlyList<string> paths, ImportOptions options) => InputLister.List(paths, options);

    /// <summary>Imports and analyses <paramref name="paths"/>, keeping nothing; the comparison is the caller's to add.</summary>
    public static AnalysisRun Run(IReadOnlyList<string> paths, IRunProgress progress)
    {
        var options = new PipelineOptions();
        return Run(List(paths, options.Import), options, progress, new PhaseTimings());
    }

    /// <summary>
    /// Imports and analyses the <paramref name="inputs"/> that are in <paramref name="options"/>' shard. A
    /// <paramref name="cancellation"/> stops it at once with a <see cref="BatchInterruptedException"/>: the inputs being
    /// imported are abandoned, the results finished stay in the result folder for the next run.
    /// </summary>
    public static AnalysisRun Run(InputList inputs, PipelineOptions options, IRunProgress progress, PhaseTimings timings,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(timings);
        var importOptions = options.Import;
        var files = inputs.Files.Where(f => options.Shard.Includes(f.DisplayPath)).ToList();
        // One input that is not hashed (crash, show, compare of one file) is imported on this thread, which otherwise
        // waits for another one: the hand-over each way cost a busy machine more wall time than the whole import. The
        // read's checkpoints then watch for Ctrl-C.
        var inline = files.Count == 1 && !importOptions.HashContent;
        var importer = new InputImporter(importOptions) { Cancellation = inline ? cancellation : default };
        var problems = inputs.Problems.Where(p => options.Shard.Includes(p.Record.Path)).ToList();

        var folder = options.OutputDirectory is { } output ? new ResultFolder(output, importOptions, options.Fresh) : null;
        try
        {
            var results = timings.Measure("import", () => Import(importer, files, problems, folder, options.Jobs, inline, progress, cancellation));
            // What the decoders and the cores' segment buffers kept for next inputs is not wanted any more, and the batch's
            // memory peaks after the import.
            DecompressionStream.ReleaseIdleDecoders();
            SegmentBuffers.ReleaseIdle();
            // Hashing runs beside the import, on threads of its own: the sum of every input's hashing time.
            if (importOptions.HashContent)
                timings.AddBeside("hash", "import", importer.HashingTime);
            if (folder is not null)
            {
                foreach (var problem in problems)
                    folder.Keep(problem);
                folder.Finish();
                if (folder.KeepProblem is { } keepProblem)
                    progress.Note(keepProblem + "; the next run imports everything again");
                if (folder.Reused > 0)
                    progress.Note(string.Create(CultureInfo.InvariantCulture,
                        $"reused the kept results of {folder.Reused} unchanged input(s) of {files.Count}"));
            }
            return Analyse([.. results, .. problems], options, progress, timings, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw new BatchInterruptedException(folder?.Kept, cancellation);
        }
    }

    /// <summary>
    /// Analyses the results that shard runs kept (<see cref="ResultFolder.LoadAll"/>) as one run. The result folder of
    /// <paramref name="options"/>' output directory keeps them again, so that merged folders can be merged again.
    /// </summary>
    public static AnalysisRun Merge(IReadOnlyList<KeptResult> kept, PipelineOptions options, IRunProgress progress, PhaseTimings timings,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(timings);
        if (options.OutputDirectory is { } output)
        {
            var folder = new ResultFolder(output, options.Import, fresh: false);
            timings.Measure("keep", () =>
            {
                foreach (var result in kept)
                    folder.Keep(result);
                folder.Finish();
            });
            if (folder.KeepProblem is { } keepProblem)
                progress.Note(keepProblem);
        }
        return Analyse([.. kept.Select(k => k.Result)], options, progress, timings, cancellation);
    }

    /// <summary>
    /// Gives the captures of <paramref name="results"/> their ids, normalises them, merges them as
    /// <paramref name="options"/> say, and analyses them.
    /// </summary>
    public static AnalysisRun Analyse(IReadOnlyCollection<InputResult> results, PipelineOptions options, IRunProgress progress,
        PhaseTimings timings, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(timings);
        var batch = timings.Measure("normalise", () => BatchNormaliser.Normalise(results, options.Import));
        var analyses = timings.Measure("analysis", () => progress.Step("analysing " + batch.Captures.Count + " capture(s)",
            () => AnalyseEach(batch.Captures, options.Jobs, cancellation)));
        return new AnalysisRun(batch.Inputs, analyses, null);
    }

    /// <summary>
    /// Every capture's analysis, in the captures' order. One capture (a <c>crash</c> or <c>show</c> of one core) is
    /// analysed on the calling thread: starting the thread pool's workers for it cost more than its analysis.
    /// </summary>
    private static CaptureAnalysis[] AnalyseEach(IReadOnlyList<Capture> captures, int jobs, CancellationToken cancellation)
    {
        var analyses = new CaptureAnalysis[captures.Count];
        if (captures.Count <= 1 || jobs == 1)
        {
            for (var index = 0; index < captures.Count; index++)
            {
                cancellation.ThrowIfCancellationRequested();
                analyses[index] = CaptureAnalyzer.Analyze(captures[index], captures);
            }
            return analyses;
        }
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancellation };
        Parallel.For(0, captures.Count, parallel, index => analyses[index] = CaptureAnalyzer.Analyze(captures[index], captures));
        return analyses;
    }

    /// <summary>
    /// The run with its captures compared within their program groups, each against the first of <paramref name="baselineIds"/>
    /// it holds (else its first capture that did not crash); as it is with fewer than two captures.
    /// </summary>
    public static AnalysisRun Compare(AnalysisRun run, IReadOnlyCollection<string> baselineIds, IRunProgress progress, PhaseTimings timings)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(baselineIds);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(timings);
        if (run.Captures.Count < 2)
            return run;
        var captures = run.Captures;
        return run with { Comparison = timings.Measure("compare", () => progress.Step("comparing", () => CaptureComparer.CompareByProgram(captures, baselineIds))) };
    }

    /// <summary>
    /// Imports <paramref name="files"/>; the batch display counts the <paramref name="problems"/> of the listing as
    /// inputs done, so that its counts are those of the reports. On <paramref name="cancellation"/> no input is
    /// started, and the ones under way are waited for only a moment: one can take its whole time limit.
    /// </summary>
    private static InputResult[] Import(InputImporter importer, List<InputFile> files, List<InputResult> problems, ResultFolder? folder,
        int jobs, bool inline, IRunProgress progress, CancellationToken cancellation)
    {
        var results = new InputResult[files.Count];
        using var batch = progress.StartBatch(files.Count + problems.Count, files.Sum(f => SizeOf(f.FullPath)));
        foreach (var problem in problems)
            batch.FileDone(problem.Record.Path, 0, 0, problem.Record.Status);
        // One input at a time per worker, taken in list order, so large inputs next to each other do not land on one worker.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancellation };
        var order = Partitioner.Create(Enumerable.Range(0, files.Count), EnumerablePartitionerOptions.NoBuffering);
        var strings = new BatchStrings();
        void ImportAt(int i)
        {
            var file = files[i];
            batch.FileStarted(file.DisplayPath);
            var result = ImportOne(importer, file, folder);
            // One input has no other to share strings with: its importer interned them already.
            if (files.Count > 1)
                strings.Share(result);
            batch.FileDone(file.DisplayPath, result.Record.Bytes, result.Captures.Count, result.Record.Status);
            results[i] = result;
        }
        if (inline)
        {
            ImportAt(0);
            return results;
        }
        // A single input needs no partitioner and no replicas of the loop, only a thread this one can stop waiting for.
        var importing = files.Count == 1
            ? Task.Factory.StartNew(() => ImportAt(0), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : Task.Run(() => Parallel.ForEach(order, parallel, ImportAt), CancellationToken.None);
        try
        {
            importing.Wait(cancellation);
        }
        catch (Exception exception) when (exception is OperationCanceledException or AggregateException && cancellation.IsCancellationRequested)
        {
            // The inputs under way get a moment to finish and be kept, so that the count the run gives is what the next one finds.
            SpinWait.SpinUntil(() => importing.IsCompleted, InterruptGrace);
            throw new OperationCanceledException(cancellation);
        }
        return results;
    }

    /// <summary>
    /// The importer turns bad input into statuses; an exception that still escapes is a bug, reported as this input's
    /// failure so the rest of the batch is still read and reported. Running out of memory on one input (keeping a huge
    /// result, say) is that input's memory-limit, never the end of the run.
    /// </summary>
    private static InputResult ImportOne(InputImporter importer, InputFile file, ResultFolder? folder)
    {
        try
        {
            return folder?.ImportOrReuse(importer, file) ?? importer.ImportInput(file.FullPath, file.DisplayPath);
        }
        catch (OperationCanceledException) when (importer.Cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (OutOfMemoryException exception)
        {
            return Failed(file, DiagnosticCatalogue.MemoryLimit,
                $"stopped: the process ran out of memory with this input ({exception.Message}); nothing of the input is kept");
        }
        catch (Exception exception)
        {
            return Failed(file, DiagnosticCatalogue.ImporterFault,
                $"internal error while importing ({exception.GetType().Name}: {exception.Message}); please report it with the input");
        }
    }

    private static InputResult Failed(InputFile file, DiagnosticDescriptor descriptor, string message)
    {
        var diagnostic = new Diagnostic(descriptor, DiagnosticSeverity.Error, message, SourceLocation.None);
        return new InputResult(new InputRecord(file.DisplayPath, InputStatus.Failed, descriptor.Problem, message, "", SizeOf(file.FullPath), [], [diagnostic]), []);
    }

    private static long SizeOf(string path)
    {
        try
        {
            return Directory.Exists(path) ? FileSnapshot.Of(path).Length : new FileInfo(path).Length;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}

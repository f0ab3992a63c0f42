using System.CommandLine;
using Forensics.Analysis.Comparison;
using Forensics.Cli.Batch;
using Forensics.Cli.Terminal;
using Forensics.Importers.Import;
using Forensics.Reports;
using Forensics.Reports.Markdown;
using Spectre.Console;

namespace Forensics.Cli;

/// <summary>The <c>forensics</c> command line: each command a small factory whose action calls a plain method.</summary>
public static class ForensicsCommandLine
{
    /// <summary>Parses and runs <paramref name="args"/>; bad usage prints the parser's errors and returns 2.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Offline forensic analyzer for Linux process memory layouts.")
        {
            Analyze(output, error),
            Show(output, error),
            Crash(output, error),
            Compare(output, error),
            Merge(output, error),
            Formats(output),
        };
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var parseError in result.Errors)
                error.WriteLine(parseError.Message);
            error.WriteLine("Run 'forensics --help' for usage.");
            return ExitCodes.BadUsage;
        }
        return result.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static Command Analyze(TextWriter output, TextWriter error)
    {
        var paths = PathsArgument("Files or directories (searched recursively).");
        var outDirectory = OutOption();
        var baseline = BaselineOption();
        var formats = FormatOption();
        var quiet = QuietOption();
        var jobs = JobsOption();
        var shard = new Option<string?>("--shard") { Description = "Take only the K-th of N slices of the inputs (K/N, stable by path); merge the slices with 'forensics merge'." };
        var fresh = new Option<bool>("--fresh") { Description = "Import every input again, even those whose kept results are current." };
        var timeLimit = PositiveOption("--file-time-limit", "Seconds of CPU time one input may take to import before it is stopped (status failed, problem time-limit).", 60);
        var memoryLimit = PositiveOption("--file-memory-limit", "MiB one input may allocate while imported before it is stopped (problem memory-limit).", 2048);
        var command = new Command("analyze", "Analyse every capture under the paths and write the reports.")
        {
            paths, outDirectory, baseline, formats, quiet, jobs, shard, fresh, timeLimit, memoryLimit,
        };
        command.SetAction(parse =>
        {
            var shardText = parse.GetValue(shard);
            Shard slice = Shard.All;
            if (shardText is not null && !Shard.TryParse(shardText, out slice))
            {
                error.WriteLine("--shard: [" + shardText + "] is not K/N with 1 <= K <= N; for example --shard 2/8.");
                return ExitCodes.BadUsage;
            }
            var outPath = parse.GetValue(outDirectory) ?? "reports";
            var import = new ImportOptions
            {
                FileTimeLimit = TimeSpan.FromSeconds(parse.GetValue(timeLimit)),
                FileAllocationLimit = (long)parse.GetValue(memoryLimit) << 20,
            };
            var options = new PipelineOptions
            {
                Jobs = parse.GetValue(jobs), Shard = slice, OutputDirectory = outPath, Fresh = parse.GetValue(fresh), Import = import,
            };
            return AnalyzeCommand(parse.GetValue(paths) ?? [], outPath, parse.GetValue(baseline), parse.GetValue(formats) ?? "md,csv",
                ProgressReporter.ForConsole(parse.GetValue(quiet)), output, error, options);
        });
        return command;
    }

    /// <summary>
    /// The analyze command without a process: returns the exit code. With <paramref name="options"/> null, the run keeps
    /// no results for the next one and uses every core.
    /// </summary>
    public static int AnalyzeCommand(
        IReadOnlyList<string> paths, string outDirectory, string? baselineId, string formatList, ProgressReporter progress,
        TextWriter output, TextWriter error, PipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(progress);
        if (!TryCheckArguments(formatList, paths, error, out var formats) || !CanWrite(outDirectory, error))
            return ExitCodes.BadUsage;
        options ??= new PipelineOptions();
        var timings = new PhaseTimings();
        var run = AnalysisPipeline.Run(paths, options, progress, timings);
        return Write(run, outDirectory, baselineId, formats, progress, timings, output, error);
    }

    private static Command Merge(TextWriter output, TextWriter error)
    {
        var directories = new Argument<string[]>("directories")
        {
            Description = "The --out folders of 'forensics analyze --shard K/N' runs (or of any runs over disjoint inputs).",
            Arity = ArgumentArity.OneOrMore,
        };
        var outDirectory = OutOption();
        var baseline = BaselineOption();
        var formats = FormatOption();
        var quiet = QuietOption();
        var jobs = JobsOption();
        var command = new Command("merge", "Combine the results of shard runs into one report set, compared across all of them.")
        {
            directories, outDirectory, baseline, formats, quiet, jobs,
        };
        command.SetAction(parse => MergeCommand(
            parse.GetValue(directories) ?? [], parse.GetValue(outDirectory) ?? "reports", parse.GetValue(baseline),
            parse.GetValue(formats) ?? "md,csv", ProgressReporter.ForConsole(parse.GetValue(quiet)), output, error, parse.GetValue(jobs)));
        return command;
    }

    /// <summary>The merge command without a process: the reports of every shard's kept results together; returns the exit code.</summary>
    public static int MergeCommand(
        IReadOnlyList<string> directories, string outDirectory, string? baselineId, string formatList, ProgressReporter progress,
        TextWriter output, TextWriter error, int jobs)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(progress);
        if (!TryCheckArguments(formatList, directories, error, out var formats) || !CanWrite(outDirectory, error))
            return ExitCodes.BadUsage;
        var timings = new PhaseTimings();
        var kept = timings.Measure("load", () => ResultFolder.LoadAll(directories, out var problem) is { } loaded ? loaded : Fail(problem));
        if (kept is null)
            return ExitCodes.BadUsage;
        // The merged folder keeps what it merged, so that merged folders can be merged again.
        var folder = new ResultFolder(outDirectory, new ImportOptions(), fresh: false);
        timings.Measure("keep", () =>
        {
            foreach (var result in kept)
                folder.Keep(result);
            folder.Finish();
        });
        if (folder.KeepProblem is { } keepProblem)
            progress.Note(keepProblem);
        var run = AnalysisPipeline.Analyse([.. kept.Select(k => k.Result)], jobs, progress, timings);
        return Write(run, outDirectory, baselineId, formats, progress, timings, output, error);

        List<KeptResult>? Fail(string? problem)
        {
            error.WriteLine("merge: " + problem + ".");
            return null;
        }
    }

    /// <summary>Compares the run's captures, writes the reports and says what failed; returns the exit code.</summary>
    private static int Write(AnalysisRun run, string outDirectory, string? baselineId, ReportFormats formats, ProgressReporter progress,
        PhaseTimings timings, TextWriter output, TextWriter error)
    {
        if (!TryCompare(ref run, baselineId, progress, timings, error))
            return ExitCodes.BadUsage;
        IReadOnlyList<string> files;
        try
        {
            files = timings.Measure("write", () => progress.Step("writing reports", () => ReportWriter.Write(run, outDirectory, formats)));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine("cannot write the reports to [" + outDirectory + "]: " + exception.Message.TrimEnd('.') + "; free space or give another --out.");
            return ExitCodes.BadUsage;
        }
        output.WriteLine("wrote " + files.Count + " files to " + outDirectory);
        progress.Note("time: " + timings);
        return Finish(run, error);
    }

    private static Command Show(TextWriter output, TextWriter error)
    {
        var paths = PathsArgument("Capture files or directories.");
        var format = PageFormatOption();
        var command = new Command("show", "Print each capture's report (summary, layout, modules, regions) on the terminal.") { paths, format };
        command.SetAction(parse => ShowCommand(parse.GetValue(paths) ?? [], parse.GetValue(format) is not null, output, error));
        return command;
    }

    /// <summary>
    /// The show command without a process: every capture's report to <paramref name="output"/>, as its Markdown page
    /// when <paramref name="markdown"/>, else for the terminal (on <paramref name="terminal"/> when given).
    /// </summary>
    public static int ShowCommand(IReadOnlyList<string> paths, bool markdown, TextWriter output, TextWriter error, IAnsiConsole? terminal = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!TryRun(paths, null, compare: false, ProgressReporter.Silent, error, out var run))
            return ExitCodes.BadUsage;
        var prepared = new PreparedRun(run);
        Print(markdown, prepared.Captures.Select(analysis => CaptureReportWriter.Write(prepared, analysis)),
            console => CaptureTerminalReport.Write(console, prepared, CaptureLabels.Of(paths, prepared)), output, terminal);
        return Finish(run, error);
    }

    private static Command Crash(TextWriter output, TextWriter error)
    {
        var paths = PathsArgument("Core files (compressed or not) or directories.");
        var format = PageFormatOption();
        var command = new Command("crash", "Print the crash verdict, its evidence, the signature and every thread's PC and SP.") { paths, format };
        command.SetAction(parse => CrashCommand(parse.GetValue(paths) ?? [], parse.GetValue(format) is not null, output, error));
        return command;
    }

    /// <summary>The crash command without a process: the crash section of every core, or why there is none; as for show.</summary>
    public static int CrashCommand(IReadOnlyList<string> paths, bool markdown, TextWriter output, TextWriter error, IAnsiConsole? terminal = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!TryRun(paths, null, compare: false, ProgressReporter.Silent, error, out var run))
            return ExitCodes.BadUsage;
        var prepared = new PreparedRun(run);
        Print(markdown, prepared.Captures.Select(CrashReportWriter.Write),
            console => CrashTerminalReport.Write(console, prepared, CaptureLabels.Of(paths, prepared)), output, terminal);
        return Finish(run, error);
    }

    private static Command Compare(TextWriter output, TextWriter error)
    {
        var paths = PathsArgument("Two or more captures, or directories holding them.");
        var baseline = new Option<string?>("--baseline") { Description = "Capture id to compare against (default: the first)." };
        var format = PageFormatOption();
        var command = new Command("compare", "Compare captures: modules and their slides, layout changes, totals, findings, crashes.") { paths, baseline, format };
        command.SetAction(parse => CompareCommand(parse.GetValue(paths) ?? [], parse.GetValue(baseline), parse.GetValue(format) is not null, output, error));
        return command;
    }

    /// <summary>The compare command without a process: the comparison report to <paramref name="output"/>; as for show.</summary>
    public static int CompareCommand(IReadOnlyList<string> paths, string? baselineId, bool markdown, TextWriter output, TextWriter error,
        IAnsiConsole? terminal = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryRun(paths, baselineId, compare: true, ProgressReporter.Silent, error, out var run))
            return ExitCodes.BadUsage;
        if (run.Comparison is null)
        {
            error.WriteLine("compare: found " + run.Captures.Count + " capture(s) under the paths; give at least two.");
            AnalysisPipeline.ReportFailures(run, error);
            return ExitCodes.BadUsage;
        }
        var prepared = new PreparedRun(run);
        Print(markdown, new[] { prepared }.Select(CompareReportWriter.Write),
            console => CompareTerminalReport.Write(console, prepared, CaptureLabels.Of(paths, prepared)), output, terminal);
        return Finish(run, error);
    }

    /// <summary>The Markdown <paramref name="pages"/> when asked for, else the terminal <paramref name="view"/>.</summary>
    private static void Print(bool markdown, IEnumerable<string> pages, Action<IAnsiConsole> view, TextWriter output, IAnsiConsole? terminal)
    {
        if (!markdown)
        {
            view(terminal ?? ReportConsole.For(output));
            return;
        }
        foreach (var page in pages)
            output.Write(page);
    }

    private static Command Formats(TextWriter output)
    {
        var command = new Command("formats", "List the input formats this tool reads.");
        command.SetAction(_ => FormatsCommand(output));
        return command;
    }

    /// <summary>The input formats, one per line; they are recognised by content, never by file name.</summary>
    public static int FormatsCommand(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("""
            Inputs are recognised by their content, never by their name; .gz, .xz, .zst and .bz2 are read by magic bytes.
              core          ELF core dump, x86 and x86_64, kernel-written or gdb gcore (PT_LOAD, NT_FILE, NT_PRSTATUS,
                            NT_PRPSINFO, NT_SIGINFO, NT_AUXV); .NET cores are annotated with ClrMD
              maps          /proc/PID/maps (64-bit and 32-bit kernels)
              smaps         /proc/PID/smaps, with every per-region key
              smaps_rollup  /proc/PID/smaps_rollup (capture totals)
              pmap          procps pmap default, -x, -X, -XX, -d, -q, -p (procps-ng 3.2, 3.3, 4.x), busybox, toybox
              gdb           info proc mappings: old layout, new layout with Perms (gdb 12+), 32-bit, core-file listing
            A text document (ticket, wiki page, chat log) holding several pasted captures gives one capture for each.
            """);
        return ExitCodes.Success;
    }

    private static Argument<string[]> PathsArgument(string description) =>
        new("paths") { Description = description, Arity = ArgumentArity.OneOrMore };

    /// <summary>Runs the pipeline over every input, and compares when asked; an unknown baseline is bad usage, reported in one line.</summary>
    private static bool TryRun(IReadOnlyList<string> paths, string? baselineId, bool compare, ProgressReporter progress,
        TextWriter error, out AnalysisRun run)
    {
        run = new AnalysisRun([], [], null);
        if (UnknownOption(paths, error))
            return false;
        run = AnalysisPipeline.Run(paths, progress);
        return !compare || TryCompare(ref run, baselineId, progress, new PhaseTimings(), error);
    }

    /// <summary>The formats of <c>--format</c>, and no unknown option among the paths; false after saying what is wrong.</summary>
    private static bool TryCheckArguments(string formatList, IReadOnlyList<string> paths, TextWriter error, out ReportFormats formats)
    {
        if (!TryParseFormats(formatList, out formats))
        {
            error.WriteLine("--format: unknown format in [" + formatList + "]; use md, csv, json and/or parquet.");
            return false;
        }
        return !UnknownOption(paths, error);
    }

    /// <summary>Whether <paramref name="outDirectory"/> is, or can be made, a folder this process writes to; says why not.</summary>
    private static bool CanWrite(string outDirectory, TextWriter error)
    {
        try
        {
            Directory.CreateDirectory(outDirectory);
            var probe = Path.Combine(outDirectory, ".forensics-write-check");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine("--out: cannot write to [" + outDirectory + "]: " + exception.Message.TrimEnd('.') + "; give a folder you can write to.");
            return false;
        }
    }

    /// <summary>An option the parser does not know reaches us as a path, since the paths take any number of tokens.</summary>
    private static bool UnknownOption(IReadOnlyList<string> paths, TextWriter error)
    {
        if (paths.FirstOrDefault(p => p.StartsWith('-') && !File.Exists(p) && !Directory.Exists(p)) is not { } unknown)
            return false;
        error.WriteLine("unknown option [" + unknown + "]; run 'forensics --help' for usage.");
        return true;
    }

    /// <summary>Adds the comparison when there are two captures or more; false for a baseline that no capture has.</summary>
    private static bool TryCompare(ref AnalysisRun run, string? baselineId, ProgressReporter progress, PhaseTimings timings, TextWriter error)
    {
        if (run.Captures.Count < 2)
            return true;
        if (baselineId is not null && !run.Captures.Any(c => c.Capture.Id == baselineId))
        {
            error.WriteLine("--baseline: no capture has the id [" + baselineId + "]; the ids are in captures.csv (capture_id).");
            return false;
        }
        var captures = run.Captures;
        run = run with { Comparison = timings.Measure("compare", () => progress.Step("comparing", () => CaptureComparer.Compare(captures, baselineId))) };
        return true;
    }

    private static Option<string> OutOption() => new("--out") { Description = "Output folder.", DefaultValueFactory = _ => "reports" };

    private static Option<string?> BaselineOption() => new("--baseline") { Description = "Capture id to compare against (default: the first)." };

    private static Option<string> FormatOption() =>
        new("--format") { Description = "Comma-separated: md, csv, json, parquet.", DefaultValueFactory = _ => "md,csv" };

    /// <summary>The <c>--format</c> of show, crash and compare: only <c>md</c>, the Markdown page instead of the terminal view.</summary>
    private static Option<string?> PageFormatOption() =>
        new Option<string?>("--format") { Description = "md: print the Markdown page of the reports, to paste, instead of the terminal view." }
            .AcceptOnlyFromAmong("md");

    private static Option<bool> QuietOption() => new("--quiet") { Description = "No progress display." };

    private static Option<int> JobsOption() =>
        PositiveOption("--jobs", "Inputs imported at once; by default one per core.", Environment.ProcessorCount);

    private static Option<int> PositiveOption(string name, string description, int defaultValue)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
                result.AddError(name + " must be at least 1.");
        });
        return option;
    }

    private static int Finish(AnalysisRun run, TextWriter error)
    {
        AnalysisPipeline.ReportFailures(run, error);
        return AnalysisPipeline.ExitCode(run);
    }

    private static bool TryParseFormats(string text, out ReportFormats formats)
    {
        formats = ReportFormats.None;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (part)
            {
                case "md" or "markdown": formats |= ReportFormats.Markdown; break;
                case "csv": formats |= ReportFormats.Csv; break;
                case "json": formats |= ReportFormats.Json; break;
                case "parquet": formats |= ReportFormats.Parquet; break;
                default: return false;
            }
        }
        return formats != ReportFormats.None;
    }
}

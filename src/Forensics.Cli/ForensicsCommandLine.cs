using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using Forensics.Analysis;
using Forensics.Analysis.Comparison;
using Forensics.Cli.Terminal;
using Forensics.Model;
using Forensics.Pipeline;
using Forensics.Pipeline.Importing;
using Forensics.Pipeline.Listing;
using Forensics.Pipeline.Store;
using Forensics.Reports;
using Forensics.Reports.Markdown;
using Spectre.Console;

namespace Forensics.Cli;

/// <summary>The <c>forensics</c> command line: each command a small factory whose action calls a plain method.</summary>
public static class ForensicsCommandLine
{
    /// <summary>
    /// Parses and runs <paramref name="args"/>; bad usage prints the parser's errors in one line and returns 2, a
    /// <paramref name="cancellation"/> (Ctrl-C) stops the run with 130. Whatever happens, the user sees lines, never a
    /// stack trace.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            // A Command named as the executable, unless the line starts with a directive ([suggest]), which only a
            // RootCommand knows: RootCommand finds its name by reflection over the entry assembly, and its help and
            // version options load System.CommandLine's resources, together a fifth of a small core's crash in the native
            // build. So help and version are added as RootCommand adds them, but only to a line that asks for them.
            const string description = "Offline forensic analyzer for Linux process memory layouts.";
            var root = args is [['[', ..], ..] ? new RootCommand(description) : new Command("forensics", description);
            if (root is not RootCommand && args.Any(a => a is "--help" or "-h" or "/h" or "-?" or "/?" or "--version"))
            {
                root.Add(new HelpOption());
                root.Add(new VersionOption());
            }
            foreach (var command in new[]
            {
                Analyze(output, error, cancellation),
                Show(output, error, cancellation),
                Crash(output, error, cancellation),
                Compare(output, error, cancellation),
                Merge(output, error, cancellation),
                Formats(output),
            })
            {
                root.Add(command);
            }
            var result = root.Parse(args);
            if (result.Errors.Count > 0)
            {
                error.WriteLine(OneLine(string.Join(" ", result.Errors.Select(e => e.Message))) + " Run 'forensics --help' for usage.");
                return ExitCodes.BadUsage;
            }
            return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException interrupted) when (cancellation.IsCancellationRequested)
        {
            error.WriteLine(interrupted is BatchInterruptedException ? interrupted.Message : "interrupted: no report was written");
            return ExitCodes.Interrupted;
        }
        catch (Exception exception)
        {
            // The last resort: a bug still ends in one line the user can report, not in a stack trace.
            error.WriteLine("internal error (" + exception.GetType().Name + ": " + OneLine(exception.Message)
                + "); nothing more was done; please report it with the command line.");
            return ExitCodes.InternalError;
        }
    }

    private static Command Analyze(TextWriter output, TextWriter error, CancellationToken cancellation)
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
        var followOutside = new Option<bool>("--follow-links-outside")
        {
            Description = "Follow symbolic links whose target lies outside the paths given (by default they are skipped, problem link-outside-roots).",
        };
        var symbols = SymbolsOption();
        var debuginfod = DebuginfodOption();
        var offline = OfflineOption();
        var hash = new Option<string>("--hash")
        {
            Description = "sha256: each input's SHA-256 in the reports, computed beside the import; none: no hash (for evidence hashed separately).",
            DefaultValueFactory = _ => "sha256",
        }.AcceptOnlyFromAmong("sha256", "none");
        var command = new Command("analyze", "Analyse every capture under the paths and write the reports.")
        {
            paths, outDirectory, baseline, formats, quiet, jobs, shard, fresh, timeLimit, memoryLimit, followOutside, symbols, debuginfod, offline, hash,
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
            var import = WithDebuginfod(new ImportOptions
            {
                FileTimeLimit = TimeSpan.FromSeconds(parse.GetValue(timeLimit)),
                FileAllocationLimit = (long)parse.GetValue(memoryLimit) << 20,
                FollowLinksOutsideRoots = parse.GetValue(followOutside),
                SymbolDirectories = parse.GetValue(symbols) ?? [],
                HashContent = parse.GetValue(hash) != "none",
            }, parse, debuginfod, offline, error);
            if (import is null)
                return ExitCodes.BadUsage;
            var options = new PipelineOptions
            {
                Jobs = parse.GetValue(jobs), Shard = slice, OutputDirectory = outPath, Fresh = parse.GetValue(fresh), Import = import,
            };
            return AnalyzeCommand(parse.GetValue(paths) ?? [], outPath, parse.GetValue(baseline), parse.GetValue(formats) ?? "md,csv",
                ProgressReporter.ForConsole(parse.GetValue(quiet)), output, error, options, cancellation);
        });
        return command;
    }

    /// <summary>
    /// The analyze command without a process: returns the exit code. With <paramref name="options"/> null, the run keeps
    /// no results for the next one and uses every core. A <paramref name="cancellation"/> ends it with a
    /// <see cref="BatchInterruptedException"/> before any report is written.
    /// </summary>
    public static int AnalyzeCommand(
        IReadOnlyList<string> paths, string outDirectory, string? baseline, string formatList, ProgressReporter progress,
        TextWriter output, TextWriter error, PipelineOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(progress);
        if (!TryParseFormats(formatList, error, out var formats) || !CheckPaths(paths, error) || !CheckOutPlacement(paths, outDirectory, error)
            || !CanWrite(outDirectory, error))
            return ExitCodes.BadUsage;
        options ??= new PipelineOptions();
        var timings = new PhaseTimings();
        if (TryList(paths, baseline, options.Import, timings, error, out var refusal) is not (var inputs, var choice))
            return refusal;
        var run = AnalysisPipeline.Run(inputs, options, progress, timings, cancellation);
        return Write(run, outDirectory, choice, formats, progress, timings, output, error, cancellation);
    }

    private static Command Merge(TextWriter output, TextWriter error, CancellationToken cancellation)
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
            parse.GetValue(formats) ?? "md,csv", ProgressReporter.ForConsole(parse.GetValue(quiet)), output, error, parse.GetValue(jobs), cancellation));
        return command;
    }

    /// <summary>The merge command without a process: the reports of every shard's kept results together; returns the exit code.</summary>
    public static int MergeCommand(
        IReadOnlyList<string> directories, string outDirectory, string? baseline, string formatList, ProgressReporter progress,
        TextWriter output, TextWriter error, int jobs, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(progress);
        if (!TryParseFormats(formatList, error, out var formats) || !CheckPaths(directories, error) || !CanWrite(outDirectory, error))
            return ExitCodes.BadUsage;
        var timings = new PhaseTimings();
        var kept = timings.Measure("load", () => ResultFolder.LoadAll(directories, out var problem) is { } loaded ? loaded : Fail(problem));
        if (kept is null)
            return ExitCodes.BadUsage;
        if (!BaselineChoice.TryChoose(baseline, BaselineChoice.Candidates(kept.Select(k => k.Result.Record.Path)), out var choice, out var baselineProblem))
        {
            error.WriteLine(baselineProblem);
            return ExitCodes.BadUsage;
        }
        var run = AnalysisPipeline.Merge(kept, new PipelineOptions { Jobs = jobs, OutputDirectory = outDirectory }, progress, timings, cancellation);
        return Write(run, outDirectory, choice, formats, progress, timings, output, error, cancellation);

        List<KeptResult>? Fail(string? problem)
        {
            error.WriteLine("merge: " + problem + ".");
            return null;
        }
    }

    /// <summary>
    /// Compares the run's captures, writes the reports and says what failed; returns the exit code. Once the writing
    /// starts it ends, so that an interruption never leaves a report half written.
    /// </summary>
    private static int Write(AnalysisRun run, string outDirectory, BaselineChoice? baseline, ReportFormats formats, ProgressReporter progress,
        PhaseTimings timings, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        if (!TryCompare(ref run, baseline, progress, timings, error))
            return ExitCodes.BadUsage;
        if (cancellation.IsCancellationRequested)
            throw new BatchInterruptedException(run.Inputs.Count, cancellation);
        IReadOnlyList<string> files;
        try
        {
            files = timings.Measure("write", () => progress.Step("writing reports", () => ReportWriter.Write(run, outDirectory, formats)));
        }
        catch (ReportFolderConflictException conflict)
        {
            error.WriteLine("--out: " + conflict.Message + "; nothing was written: give an empty folder, or one this tool wrote its reports to.");
            return ExitCodes.BadUsage;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine("cannot write the reports to [" + outDirectory + "]: " + exception.Message.TrimEnd('.')
                + "; the reports there are those of the previous run; free space or give another --out.");
            return ExitCodes.CannotWrite;
        }
        output.WriteLine("wrote " + files.Count + " files to " + outDirectory);
        output.Flush();
        progress.Note("time: " + timings);
        return Finish(run, error);
    }

    private static Command Show(TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var paths = PathsArgument("Capture files or directories.");
        var format = PageFormatOption();
        var command = new Command("show", "Print each capture's report (summary, layout, modules, regions) on the terminal.") { paths, format };
        command.SetAction(parse => ShowCommand(parse.GetValue(paths) ?? [], parse.GetValue(format) is not null, output, error, cancellation: cancellation));
        return command;
    }

    /// <summary>
    /// The show command without a process: every capture's report to <paramref name="output"/>, as its Markdown page
    /// when <paramref name="markdown"/>, else for the terminal (on <paramref name="terminal"/> when given).
    /// </summary>
    public static int ShowCommand(IReadOnlyList<string> paths, bool markdown, TextWriter output, TextWriter error, IAnsiConsole? terminal = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (TryRun(paths, null, compare: false, error, cancellation, out var refusal) is not { } run)
            return refusal;
        var prepared = new PreparedRun(run);
        Print(markdown, prepared.Captures.Select(analysis => CaptureReportWriter.Write(prepared, analysis)),
            console => CaptureTerminalReport.Write(console, prepared, CaptureLabels.Of(paths, prepared)), output, terminal);
        return Finish(run, error);
    }

    private static Command Crash(TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var paths = PathsArgument("Core files (compressed or not) or directories.");
        var format = PageFormatOption();
        var symbols = SymbolsOption();
        var debuginfod = DebuginfodOption();
        var offline = OfflineOption();
        var command = new Command("crash", "Print the crash verdict, its evidence, the signature and every thread's backtrace.")
        {
            paths, format, symbols, debuginfod, offline,
        };
        command.SetAction(parse =>
        {
            var import = WithDebuginfod(new ImportOptions { SymbolDirectories = parse.GetValue(symbols) ?? [] }, parse, debuginfod, offline, error);
            return import is null
                ? ExitCodes.BadUsage
                : CrashCommand(parse.GetValue(paths) ?? [], parse.GetValue(format) is not null, output, error, import: import, cancellation: cancellation);
        });
        return command;
    }

    /// <summary>The crash command without a process: the crash section of every core, or why there is none; as for show.</summary>
    public static int CrashCommand(IReadOnlyList<string> paths, bool markdown, TextWriter output, TextWriter error, IAnsiConsole? terminal = null,
        IReadOnlyList<string>? symbolDirectories = null, CancellationToken cancellation = default, ImportOptions? import = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        import ??= new ImportOptions { SymbolDirectories = symbolDirectories ?? [] };
        if (TryRun(paths, null, compare: false, error, cancellation, out var refusal, import) is not { } run)
            return refusal;
        var prepared = new PreparedRun(run);
        Print(markdown, prepared.Captures.Select(CrashReportWriter.Write),
            console => CrashTerminalReport.Write(console, prepared, CaptureLabels.Of(paths, prepared)), output, terminal);
        return Finish(run, error);
    }

    private static Command Compare(TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var paths = PathsArgument("Two or more captures, or directories holding them.");
        var baseline = BaselineOption();
        var format = PageFormatOption();
        var command = new Command("compare", "Compare captures: modules and their slides, layout changes, totals, findings, crashes.") { paths, baseline, format };
        command.SetAction(parse => CompareCommand(parse.GetValue(paths) ?? [], parse.GetValue(baseline), parse.GetValue(format) is not null, output, error,
            cancellation: cancellation));
        return command;
    }

    /// <summary>The compare command without a process: the comparison report to <paramref name="output"/>; as for show.</summary>
    public static int CompareCommand(IReadOnlyList<string> paths, string? baseline, bool markdown, TextWriter output, TextWriter error,
        IAnsiConsole? terminal = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (TryRun(paths, baseline, compare: true, error, cancellation, out var refusal) is not { } run)
            return refusal;
        if (run.Comparison is null)
        {
            error.WriteLine("compare: found " + run.Captures.Count + " capture(s) under the paths; give at least two.");
            RunFailures.Write(run, error);
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
            var console = terminal ?? ReportConsole.For(output);
            view(console);
            // The plain console passes text on a line at a time: a last line without its line end is still to pass.
            ReportConsole.Flush(console);
            return;
        }
        foreach (var page in pages)
            output.Write(page);
        output.Flush();
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
            Inputs are recognised by their content, never by their name; .gz, .xz, .zst, .lz4 and .bz2 are read by magic bytes.
              core          ELF core dump, x86 and x86_64, kernel-written or gdb gcore (PT_LOAD, NT_FILE, NT_PRSTATUS,
                            NT_PRPSINFO, NT_SIGINFO, NT_AUXV); .NET cores are annotated with ClrMD
              maps          /proc/PID/maps (64-bit and 32-bit kernels)
              smaps         /proc/PID/smaps, with every per-region key
              smaps_rollup  /proc/PID/smaps_rollup (capture totals)
              pmap          procps pmap default, -x, -X, -XX, -d, -q, -p (procps-ng 3.2, 3.3, 4.x), busybox, toybox
              gdb           info proc mappings: old layout, new layout with Perms (gdb 12+), 32-bit, core-file listing
              apport        apport .crash report, by its first line "ProblemType: ": ProcMaps, the base64 CoreDump
                            (gzip, zlib or zstd) as its core, and its fields as facts
              minidump      Breakpad or Crashpad minidump, by "MDMP" and version 0xa793: threads, exception, modules with
                            build-ids, memory list, Linux maps/status/cmdline/auxv streams
              coredumpctl   coredumpctl info/debug records in any text, by a "PID: N (comm)" line with "Signal: N (NAME)"
                            below it: fields, modules, stack traces, the kernel's "segfault at" line
              abrt          ABRT problem directory, a folder with a numeric "time" item and a "type" item: one input,
                            its maps merged with its coredump, its items as facts, core_backtrace frames as stated facts
            systemd-coredump cores (core.COMM.UID.BOOTID.PID.TIME.zst) are cores; their name adds PID, UID, boot id, time.
            A text document (ticket, wiki page, chat log) holding several pasted captures gives one capture for each.
            """);
        return ExitCodes.Success;
    }

    private static Option<string[]> SymbolsOption() => new("--symbols")
    {
        Description = "A folder with the cores' binaries or debug files (a sysroot, a flat folder or a .build-id tree); repeatable. A file is used only when its build-id matches.",
        AllowMultipleArgumentsPerToken = false,
    };

    private static Option<string[]> DebuginfodOption() => new("--debuginfod")
    {
        Description = "Ask debuginfod by build-id for module files no local place holds: the servers given (repeatable), or DEBUGINFOD_URLS when none is; "
            + "files are kept in its cache (DEBUGINFOD_CACHE_PATH, else $XDG_CACHE_HOME/debuginfod_client). Off by default, so reports depend only on local files.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private static Option<bool> OfflineOption() => new("--offline")
    {
        Description = "Use only debuginfod's cache, never its servers (what an earlier --debuginfod run kept).",
    };

    /// <summary>
    /// <paramref name="import"/> with what <c>--debuginfod</c> and <c>--offline</c> ask; null after one line per bad URL.
    /// Problems of the environment (a DEBUGINFOD_URLS entry that is not http) are said and left out.
    /// </summary>
    private static ImportOptions? WithDebuginfod(ImportOptions import, ParseResult parse, Option<string[]> debuginfod, Option<bool> offline, TextWriter error)
    {
        var problems = new List<string>();
        var urls = parse.GetResult(debuginfod) is null ? null : parse.GetValue(debuginfod) ?? [];
        var options = DebuginfodChoice.From(urls, parse.GetValue(offline), Environment.GetEnvironmentVariable, problems);
        foreach (var problem in problems)
            error.WriteLine(problem);
        return problems.Any(p => p.StartsWith("--debuginfod", StringComparison.Ordinal)) ? null : import with { Debuginfod = options };
    }

    private static Argument<string[]> PathsArgument(string description) =>
        new("paths") { Description = description, Arity = ArgumentArity.OneOrMore };

    /// <summary>
    /// Runs the pipeline over every input, keeping nothing and so hashing nothing, and compares when asked; null after
    /// one line on what is wrong, with the exit code in <paramref name="refusal"/>.
    /// </summary>
    private static AnalysisRun? TryRun(IReadOnlyList<string> paths, string? baseline, bool compare, TextWriter error,
        CancellationToken cancellation, out int refusal, ImportOptions? import = null)
    {
        refusal = ExitCodes.BadUsage;
        var timings = new PhaseTimings();
        var options = new PipelineOptions { Import = (import ?? new ImportOptions()) with { HashContent = false } };
        if (!CheckPaths(paths, error) || TryList(paths, baseline, options.Import, timings, error, out refusal) is not (var inputs, var choice))
            return null;
        var run = AnalysisPipeline.Run(inputs, options, ProgressReporter.Silent, timings, cancellation);
        return !compare || TryCompare(ref run, choice, ProgressReporter.Silent, timings, error) ? run : null;
    }

    /// <summary>
    /// The inputs under <paramref name="paths"/> and the input <c>--baseline</c> names among them, before anything is
    /// imported; null after one line on what is wrong: a baseline that matches no input is bad usage, paths that hold
    /// nothing to analyse exit 1.
    /// </summary>
    private static (InputList Inputs, BaselineChoice? Baseline)? TryList(IReadOnlyList<string> paths, string? baseline,
        ImportOptions options, PhaseTimings timings, TextWriter error, out int refusal)
    {
        refusal = ExitCodes.BadUsage;
        var inputs = timings.Measure("list", () => AnalysisPipeline.List(paths, options));
        if (inputs.Files.Count + inputs.Problems.Count == 0)
        {
            error.WriteLine("nothing to analyse under [" + string.Join("], [", paths) + "]: it holds no file; give the files or folders of the captures.");
            refusal = ExitCodes.SomeInputsFailed;
            return null;
        }
        // The candidates only for a --baseline to find among them (crash and show have none).
        BaselineChoice? choice = null;
        if (baseline is not null && !BaselineChoice.TryChoose(baseline, BaselineChoice.Candidates(inputs, paths), out choice, out var problem))
        {
            error.WriteLine(problem);
            return null;
        }
        return (inputs, choice);
    }

    /// <summary>Whether <paramref name="outDirectory"/> is, or can be made, a folder this process writes to; says why not.</summary>
    /// <summary>
    /// An existing --out folder that this tool did not write reports to may hold evidence: it must not be an input
    /// folder, lie inside one or contain one, since the reports would mix with the evidence. A new folder, or one that
    /// holds this tool's reports (which the listing skips), is fine. False after one line saying why.
    /// </summary>
    private static bool CheckOutPlacement(IReadOnlyList<string> paths, string outDirectory, TextWriter error)
    {
        if (!Directory.Exists(outDirectory) || ReportFolder.IsReportFolder(outDirectory))
            return true;
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDirectory));
        foreach (var path in paths.Where(Directory.Exists))
        {
            var input = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
            if (input == output || IsBelow(output, input) || IsBelow(input, output))
            {
                error.WriteLine("--out: [" + outDirectory + "] " + (input == output ? "is" : IsBelow(output, input) ? "lies inside" : "contains")
                    + " the input folder [" + path + "] and holds files this tool did not write; give a new or empty folder outside the evidence.");
                return false;
            }
        }
        return true;
    }

    private static bool IsBelow(string path, string folder) => path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

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

    /// <summary>
    /// Every path exists; false after one line on the first that does not. An option the parser does not know reaches
    /// us as a path, since the paths take any number of tokens.
    /// </summary>
    private static bool CheckPaths(IReadOnlyList<string> paths, TextWriter error)
    {
        if (paths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p)) is not { } missing)
            return true;
        error.WriteLine(missing.StartsWith('-')
            ? "unknown option [" + missing + "]; run 'forensics --help' for usage."
            : "no such file or directory [" + missing + "]; give the files or folders of the captures.");
        return false;
    }

    /// <summary>Adds the comparison when there are two captures or more; false for a baseline that names no capture of the run.</summary>
    private static bool TryCompare(ref AnalysisRun run, BaselineChoice? baseline, ProgressReporter progress, PhaseTimings timings, TextWriter error)
    {
        if (run.Captures.Count < 2)
            return true;
        IReadOnlyList<string> baselineIds = [];
        if (baseline is not null && !baseline.TryFindCaptures(run, out baselineIds, out var problem))
        {
            error.WriteLine(problem);
            return false;
        }
        run = AnalysisPipeline.Compare(run, baselineIds, progress, timings);
        return true;
    }

    private static Option<string> OutOption() => new("--out") { Description = "Output folder.", DefaultValueFactory = _ => "reports" };

    private static Option<string?> BaselineOption() => new("--baseline")
    {
        Description = "What each program's captures are compared against: a capture id, an input's path (as given or relative to a root) or a glob of input paths, the first match in each program group (default: each group's first capture that did not crash).",
    };

    private static Option<string> FormatOption() =>
        new("--format") { Description = "Comma-separated: md, csv, json, parquet.", DefaultValueFactory = _ => "md,csv" };

    /// <summary>The <c>--format</c> of show, crash and compare: only <c>md</c>, the Markdown page instead of the terminal view.</summary>
    private static Option<string?> PageFormatOption() =>
        new Option<string?>("--format") { Description = "md: print the Markdown page of the reports, to paste, instead of the terminal view." }
            .AcceptOnlyFromAmong("md");

    private static Option<bool> QuietOption() => new("--quiet") { Description = "No progress display." };

    private static Option<int> JobsOption() =>
        PositiveOption("--jobs", "Inputs imported at once; by default one per core.", Environment.ProcessorCount);

    /// <summary>A whole number from 1 up; anything else is a parse error naming the option and the value, never an exception.</summary>
    private static Option<int> PositiveOption(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1)
                return value;
            result.AddError(string.Create(CultureInfo.InvariantCulture,
                $"{name}: [{text}] is not a whole number from 1 to {int.MaxValue}; for example {name} 4."));
            return defaultValue;
        },
    };

    /// <summary>The failed and partial inputs, then the counts of the run; returns the exit code they imply.</summary>
    private static int Finish(AnalysisRun run, TextWriter error)
    {
        RunFailures.Write(run, error);
        error.WriteLine("analysed " + InputCounts.Of(run));
        return RunFailures.ExitCode(run);
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The formats of <c>--format</c>; false after saying what is wrong.</summary>
    private static bool TryParseFormats(string text, TextWriter error, out ReportFormats formats)
    {
        if (TryParseFormats(text, out formats))
            return true;
        error.WriteLine("--format: unknown format in [" + text + "]; use md, csv, json and/or parquet.");
        return false;
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

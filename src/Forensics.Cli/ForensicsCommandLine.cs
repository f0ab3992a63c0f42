using System.CommandLine;
using Forensics.Reports;

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
        var paths = new Argument<string[]>("paths") { Description = "Files or directories (searched recursively).", Arity = ArgumentArity.OneOrMore };
        var outDirectory = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => "reports" };
        var baseline = new Option<string?>("--baseline") { Description = "Capture id to compare against (default: the first)." };
        var formats = new Option<string>("--format") { Description = "Comma-separated: md, csv, json.", DefaultValueFactory = _ => "md,csv" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress display." };
        var command = new Command("analyze", "Analyse every capture under the paths and write the reports.")
        {
            paths, outDirectory, baseline, formats, quiet,
        };
        command.SetAction(parse => AnalyzeCommand(
            parse.GetValue(paths) ?? [], parse.GetValue(outDirectory) ?? "reports", parse.GetValue(baseline),
            parse.GetValue(formats) ?? "md,csv", ProgressReporter.ForConsole(parse.GetValue(quiet)), output, error));
        return command;
    }

    /// <summary>The analyze command without a process: returns the exit code.</summary>
    public static int AnalyzeCommand(
        IReadOnlyList<string> paths, string outDirectory, string? baselineId, string formatList, ProgressReporter progress,
        TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParseFormats(formatList, out var formats))
        {
            error.WriteLine("--format: unknown format in [" + formatList + "]; use md, csv and/or json.");
            return ExitCodes.BadUsage;
        }
        var run = AnalysisPipeline.Run(paths, baselineId, compare: true, progress ?? ProgressReporter.Silent);
        var files = ReportWriter.Write(run, outDirectory, formats);
        output.WriteLine("wrote " + files.Count + " files to " + outDirectory);
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
                default: return false;
            }
        }
        return formats != ReportFormats.None;
    }
}

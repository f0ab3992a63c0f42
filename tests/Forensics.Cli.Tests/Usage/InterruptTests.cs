using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Forensics.Pipeline.Store;
using Forensics.TestSupport;

namespace Forensics.Cli.Tests.Usage;

/// <summary>Ctrl-C on the built command, in its own process: what it keeps, what it writes, how it exits.</summary>
public sealed partial class InterruptTests : IDisposable
{
    private const int Inputs = 40;

    private readonly string _scratch = Directory.CreateTempSubdirectory("forensics-interrupt-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Ctrl_C_stops_within_two_seconds_keeps_the_finished_results_for_the_next_run_and_writes_no_report()
    {
        var evidence = Directory.CreateDirectory(Path.Combine(_scratch, "evidence")).FullName;
        for (var i = 0; i < Inputs; i++)
            File.Copy(TestPaths.CorpusFile("crash-null", "core.xz"), Path.Combine(evidence, string.Create(CultureInfo.InvariantCulture, $"core-{i:000}.xz")));
        var output = Path.Combine(_scratch, "out");
        int KeptFiles() => ResultFolder.CountKept(output);

        using var first = Start(evidence, output, "--jobs", "1");
        var waiting = Stopwatch.StartNew();
        while (KeptFiles() < 3)
        {
            Assert.False(first.HasExited, "the run ended before it could be interrupted");
            Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(30), "no result was kept in 30 s");
            Thread.Sleep(20);
        }
        var stopping = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-INT", first.Id.ToString(CultureInfo.InvariantCulture)]))
            kill.WaitForExit();
        Assert.True(first.WaitForExit(TimeSpan.FromSeconds(10)), "still running 10 s after SIGINT");
        Assert.InRange(stopping.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));

        var error = first.StandardError.ReadToEnd();
        Assert.Equal(ExitCodes.Interrupted, first.ExitCode);
        var said = InterruptedLine().Match(error);
        Assert.True(said.Success, error);
        var keptCount = int.Parse(said.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(keptCount, 3, Inputs - 1);
        Assert.Equal(keptCount, KeptFiles());
        // No report at all: the result folder is all there is.
        Assert.Equal([ResultFolder.FolderName], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));

        using var second = Start(evidence, output, "--jobs", "2", "--format", "csv");
        var secondError = second.StandardError.ReadToEnd();
        second.WaitForExit();

        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"reused the kept results of {keptCount} unchanged input(s) of {Inputs}"),
            secondError, StringComparison.Ordinal);
        Assert.Equal(Inputs + 1, File.ReadAllLines(Path.Combine(output, "inputs.csv")).Length);
    }

    /// <summary>
    /// The built command under <c>dotnet</c>. A shell starts background commands with SIGINT ignored, and .NET then
    /// leaves it ignored; <c>env --default-signal</c> gives the command the SIGINT a terminal's Ctrl-C would.
    /// </summary>
    private static Process Start(string evidence, string output, params string[] options)
    {
        var start = new ProcessStartInfo("env") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "forensics.dll"),
            "analyze", evidence, "--out", output, .. options])
            start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }

    [GeneratedRegex(@"^interrupted: kept the results of (\d+) inputs; run again to continue$", RegexOptions.Multiline)]
    private static partial Regex InterruptedLine();
}

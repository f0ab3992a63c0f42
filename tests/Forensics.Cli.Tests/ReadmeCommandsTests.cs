using System.Diagnostics;
using System.Text.RegularExpressions;
using Forensics.TestSupport;

namespace Forensics.Cli.Tests;

/// <summary>The README shows what its commands print, word for word but for the times.</summary>
public sealed partial class ReadmeCommandsTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("forensics-readme-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [GeneratedRegex(@"[0-9.]+ s\b")]
    private static partial Regex Seconds();

    [Theory]
    // The corpus holds three public cores the tool names unsupported (AArch64, NetBSD, a kdump vmcore): partial inputs.
    [InlineData("corpus", "reports", ExitCodes.Success)]
    [InlineData("tests/bad-inputs", "/tmp/bad-inputs-report", ExitCodes.SomeInputsFailed)]
    public async Task The_readme_shows_what_the_example_command_prints(string input, string shownOutput, int exitCode)
    {
        var command = $"dotnet run --project src/Forensics.Cli -- analyze {input} --out {shownOutput}";
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        var commandAt = readme.IndexOf(command + "\n", StringComparison.Ordinal);
        Assert.True(commandAt >= 0, "README lacks: " + command);
        var printedAt = readme.IndexOf("```text\n", commandAt, StringComparison.Ordinal) + "```text\n".Length;
        var shown = readme[printedAt..readme.IndexOf("```", printedAt, StringComparison.Ordinal)].TrimEnd('\n').Split('\n');

        // The built command with both streams redirected, from the repository root, as a newcomer runs it.
        var output = Path.Combine(_scratch, "out");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = TestPaths.RepositoryRoot };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "forensics.dll"), "analyze", input, "--out", output])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var printed = (stdout + await stderr).Replace(output, shownOutput, StringComparison.Ordinal).TrimEnd('\n').Split('\n');

        Assert.Equal(exitCode, process.ExitCode);
        Assert.Equal(Timeless(shown), Timeless(printed));
    }

    /// <summary>
    /// The lines of stdout and stderr in one order, with every duration made one placeholder and without the progress
    /// lines a slow machine adds every few seconds.
    /// </summary>
    private static string[] Timeless(IEnumerable<string> lines) =>
        [.. lines.Where(line => !line.StartsWith("importing ", StringComparison.Ordinal)).Select(line => Seconds().Replace(line, "T s")).Order(StringComparer.Ordinal)];
}

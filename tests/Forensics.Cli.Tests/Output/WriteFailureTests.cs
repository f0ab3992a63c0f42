using System.Diagnostics;
using System.Security.Cryptography;
using Forensics.TestSupport;

namespace Forensics.Cli.Tests.Output;

/// <summary>
/// A write that fails half way (a full disk, a file-size limit) leaves the reports of the previous run as they were
/// and ends with its own exit code, naming the file. The failure is real: the built command runs under a file-size
/// limit (<c>prlimit --fsize</c>, with SIGXFSZ ignored so the write fails with EFBIG instead of killing it).
/// </summary>
public sealed class WriteFailureTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("forensics-write-failure-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void A_report_that_cannot_be_written_exits_73_names_the_file_and_leaves_the_previous_reports_whole()
    {
        var output = Path.Combine(_scratch, "out");
        var (firstCode, _) = Analyze(fileSizeLimit: null, TestPaths.CorpusFile("aslr-pair", "run-1.maps"), output);
        Assert.Equal(ExitCodes.Success, firstCode);
        var before = ReportHashes(output);

        // Two captures make a regions.csv of about 7 KB; one of 5,000 bytes is the most the limit allows.
        var (code, error) = Analyze(fileSizeLimit: 5000, TestPaths.CorpusFile("aslr-pair"), output);

        Assert.Equal(ExitCodes.CannotWrite, code);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var failure = Assert.Single(lines, line => line.StartsWith("cannot write the reports", StringComparison.Ordinal));
        Assert.Equal($"cannot write the reports to [{output}]: File too large : '{Path.Combine(output, ".forensics-staging", "regions.csv")}'; "
            + "the reports there are those of the previous run; free space or give another --out.", failure);
        Assert.Equal(before, ReportHashes(output));
        Assert.False(Directory.Exists(Path.Combine(output, ".forensics-staging")));
    }

    /// <summary>Every report file and its SHA-256; the kept results (<c>.forensics/</c>) are the run's own, not reports.</summary>
    private static Dictionary<string, string> ReportHashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(folder, file))
            .Where(name => !name.StartsWith(".forensics" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToDictionary(name => name, name => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, name)))));

    /// <summary>
    /// The built command in its own process. W^X is off under the limit: the runtime's double-mapped code heap is a
    /// file that would exceed it before <c>Main</c> runs.
    /// </summary>
    private static (int Code, string Error) Analyze(long? fileSizeLimit, string input, string output)
    {
        var command = $"exec dotnet '{Path.Combine(AppContext.BaseDirectory, "forensics.dll")}' analyze '{input}' --out '{output}' --quiet";
        if (fileSizeLimit is { } limit)
            command = $"trap '' XFSZ; DOTNET_EnableWriteXorExecute=0 exec prlimit --fsize={limit} -- " + command["exec ".Length..];
        var start = new ProcessStartInfo("sh", ["-c", command]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }
}

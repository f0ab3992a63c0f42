using System.Text.RegularExpressions;
using Forensics.TestSupport;

namespace Forensics.Cli.Tests.Batch;

/// <summary><c>--hash none</c>: the same reports but for empty SHA-256 cells, for users who hash evidence separately.</summary>
public sealed partial class HashOptionTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("forensics-hash-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Hash_none_leaves_the_sha256_cells_empty_and_changes_nothing_else()
    {
        var evidence = TestPaths.CorpusFile("crash-null");
        var hashed = Path.Combine(_scratch, "hashed");
        var unhashed = Path.Combine(_scratch, "unhashed");

        Assert.Equal(ExitCodes.Success, Analyze(evidence, hashed));
        Assert.Equal(ExitCodes.Success, Analyze(evidence, unhashed, "--hash", "none"));

        var withHash = File.ReadAllLines(Path.Combine(hashed, "inputs.csv"));
        var withoutHash = File.ReadAllLines(Path.Combine(unhashed, "inputs.csv"));
        Assert.StartsWith("path,status,problem,reason,sha256,bytes,", withHash[0], StringComparison.Ordinal);
        Assert.Equal(withHash.Length, withoutHash.Length);
        Assert.Contains(withHash, line => Sha256Cell().IsMatch(line) && line.StartsWith("core.xz,ok,none,,", StringComparison.Ordinal));
        // Every sha256 cell of the run without hashes is empty, every other cell as in the run with them.
        Assert.Equal(withHash.Select(line => Sha256Cell().Replace(line, ",,")), withoutHash);
        Assert.DoesNotContain(withoutHash, line => Sha256Cell().IsMatch(line));
        var page = Directory.GetFiles(Path.Combine(unhashed, "captures"), "*.md").Select(File.ReadAllText).First(text => text.Contains("core.xz", StringComparison.Ordinal));
        Assert.Contains("SHA-256: not computed", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hash_that_is_not_sha256_or_none_is_bad_usage()
    {
        var error = new StringWriter();

        var code = ForensicsCommandLine.Run(["analyze", TestPaths.CorpusFile("crash-null"), "--out", Path.Combine(_scratch, "out"), "--hash", "md5"], TextWriter.Null, error);

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains("md5", error.ToString(), StringComparison.Ordinal);
    }

    private static int Analyze(string evidence, string output, params string[] more) =>
        ForensicsCommandLine.Run(["analyze", evidence, "--out", output, "--quiet", "--format", "md,csv", .. more], TextWriter.Null, TextWriter.Null);

    [GeneratedRegex(",[0-9a-f]{64},")]
    private static partial Regex Sha256Cell();
}

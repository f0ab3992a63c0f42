using Forensics.Cli;
using Forensics.TestSupport;

namespace Forensics.Queries.Tests;

/// <summary>
/// The corpus analysed as three shards (<c>--shard K/3</c>, Parquet included) and their merge, made once for every
/// query test: the shards are the README's <c>shard-*</c> folders, the merge is one run of the whole corpus
/// (byte for byte the unsharded run, as the batch tests prove), put alone in a folder of its own as <c>shard-all</c>.
/// </summary>
public sealed class ShardedCorpusRun : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "forensics-queries-" + Guid.NewGuid().ToString("N"));

    public ShardedCorpusRun()
    {
        ShardsFolder = Path.Combine(_scratch, "shards");
        MergedFolder = Path.Combine(_scratch, "merged");
        var shards = new List<string>();
        for (var k = 1; k <= 3; k++)
        {
            var folder = Path.Combine(ShardsFolder, "shard-" + k);
            Run("analyze", TestPaths.Corpus, "--shard", k + "/3", "--out", folder, "--format", "csv,parquet", "--quiet", "--jobs", "2");
            shards.Add(folder);
        }
        Run(["merge", .. shards, "--out", Path.Combine(MergedFolder, "shard-all"), "--format", "csv,parquet", "--jobs", "2"]);
    }

    /// <summary>The folder above <c>shard-1</c>, <c>shard-2</c> and <c>shard-3</c>.</summary>
    public string ShardsFolder { get; }

    /// <summary>The folder above <c>shard-all</c>, the merged run.</summary>
    public string MergedFolder { get; }

    public void Dispose()
    {
        if (Directory.Exists(_scratch))
            Directory.Delete(_scratch, recursive: true);
    }

    private static void Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ForensicsCommandLine.Run(args, output, error);
        // The corpus holds three cores the tool reads but does not analyse: partial inputs, exit code 0 all the same.
        if (code != 0)
            throw new InvalidOperationException("forensics " + string.Join(' ', args) + " exited " + code + ": " + error);
    }
}

using Forensics.TestSupport;

namespace Forensics.Symbols.Tests.Corpus;

/// <summary>
/// The crashing thread of every backtrace core, walked with its binaries, against <c>eu-stack</c> (elfutils) given the
/// same binaries as a build-id tree: the same frames, PCs and functions, innermost first, down to <c>_start</c>.
/// </summary>
public sealed class EuStackOracleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("forensics-eu-stack-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    /// <summary>
    /// Where eu-stack names a frame by another symbol at the same address: it takes the first of libc's aliases in
    /// <c>.dynsym</c> order (<c>__libc_free</c>, <c>free</c> and <c>cfree</c> are all libc+0x98ef0), the walk the one
    /// gdb prints.
    /// </summary>
    private static readonly Dictionary<string, string> EuStackNameOfWalkName = new() { ["free"] = "__libc_free" };

    [Theory]
    [InlineData("lib-null", 5)]
    [InlineData("omit-fp-abort", 10)]
    [InlineData("cpp-throw", 13)]
    [InlineData("double-free", 12)]
    [InlineData("i386-null", 5)]
    [InlineData("deep-recursion", 7942)]
    public void Crashing_thread_frames_equal_eu_stack(string set, int euStackFrames)
    {
        var core = Path.Join(_folder, set + ".core");
        File.WriteAllBytes(core, SampleFile.ReadAllBytes(TestPaths.CorpusFile("backtrace", set, "core.xz")));
        var crashing = BacktraceCorpus.Walked(set, BacktraceCorpus.Sysroot).Threads.Single(t => t.IsCrashing);

        var expected = EuStack.Run(core, BuildIdTree())[crashing.Tid];
        Assert.Equal(euStackFrames, expected.Count);
        Assert.Equal(expected.Select(f => f.Pc), crashing.Frames.Select(f => f.ProgramCounter));
        Assert.Equal(expected.Select(f => f.Function),
            crashing.Frames.Select(f => f.Function is { } name ? EuStackNameOfWalkName.GetValueOrDefault(name, name) : null));
    }

    /// <summary>Every module of <c>corpus/backtrace/binaries.txt</c> (path, build-id, size) linked as <c>.build-id/xx/rest</c>.</summary>
    private string BuildIdTree()
    {
        var tree = Path.Join(_folder, "debug");
        foreach (var line in File.ReadAllLines(TestPaths.CorpusFile("backtrace", "binaries.txt")))
        {
            var fields = line.Split(' ');
            var (path, buildId) = (fields[0], fields[1]);
            var folder = Directory.CreateDirectory(Path.Join(tree, ".build-id", buildId[..2])).FullName;
            File.CreateSymbolicLink(Path.Join(folder, buildId[2..]), BacktraceBinaries.File(path));
        }
        return tree;
    }
}

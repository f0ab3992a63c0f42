using Forensics.Model;
using Forensics.Symbols.ModuleFiles;
using Forensics.Symbols.Tests.Corpus;

namespace Forensics.Symbols.Tests.ModuleFiles;

/// <summary>One run's module files, read once and shared by its cores: the same frames as files read per core.</summary>
public sealed class ModuleFileCacheTests : IDisposable
{
    private static readonly string[] Sets = ["lib-null", "omit-fp-abort", "cpp-throw", "deep-recursion", "double-free", "i386-null"];
    private readonly string _folder = Directory.CreateTempSubdirectory("forensics-cache-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private static CaptureBuilder Walked(string set, ModuleFileCache? files, params string[] directories)
    {
        var (capture, memory) = BacktraceCorpus.Core(set);
        CaptureUnwinder.Unwind(capture, memory, new SymbolOptions { Directories = directories, UseModulePaths = false }, null, files);
        return capture;
    }

    private static List<List<StackFrame>> Frames(CaptureBuilder capture) => [.. capture.Threads.Select(t => t.Frames.ToList())];

    [Fact]
    public void Every_core_of_a_run_reads_each_module_file_once_and_gets_the_same_frames()
    {
        var alone = Sets.Select(set => Frames(Walked(set, null, BacktraceCorpus.Sysroot))).ToList();
        var files = new ModuleFileCache();
        var shared = Sets.Select(set => Frames(Walked(set, files, BacktraceCorpus.Sysroot))).ToList();
        Assert.Equal(alone, shared);
        // Only the files of modules a stack passes through: the six programs, libnull.so, libstdc++ and the two libcs.
        Assert.Equal(10, files.FilesRead);

        var again = Sets.Select(set => Frames(Walked(set, files, BacktraceCorpus.Sysroot))).ToList();
        Assert.Equal(alone, again);
        Assert.Equal(10, files.FilesRead);
    }

    [Fact]
    public void Cores_walked_in_parallel_share_the_files_and_get_the_same_frames()
    {
        var expected = Sets.ToDictionary(set => set, set => Frames(Walked(set, null, BacktraceCorpus.Sysroot)));
        var files = new ModuleFileCache();
        var runs = Enumerable.Range(0, 4).SelectMany(_ => Sets).ToArray();
        var walked = new List<List<StackFrame>>[runs.Length];
        Parallel.For(0, runs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => walked[i] = Frames(Walked(runs[i], files, BacktraceCorpus.Sysroot)));
        for (var i = 0; i < runs.Length; i++)
            Assert.Equal(expected[runs[i]], walked[i]);
        Assert.Equal(10, files.FilesRead);
    }

    [Fact]
    public void A_cache_too_small_for_a_file_keeps_none_and_names_the_same_frames()
    {
        var files = new ModuleFileCache(maxBytes: 0);
        var first = Walked("double-free", files, BacktraceCorpus.Sysroot);
        Assert.Equal(2, files.FilesRead);
        var second = Walked("double-free", files, BacktraceCorpus.Sysroot);
        Assert.Equal(Frames(first), Frames(second));
        Assert.Equal(4, files.FilesRead);
        // Debian's libc keeps .dynsym only: gdb too names raise, abort and free, and ?? between them.
        Assert.Equal([null, "raise", "abort", null, null, null, "free", "release", "main"],
            first.Threads.Single(t => t.IsCrashing).Frames.Select(f => f.Function).Take(9));
    }

    [Fact]
    public void A_file_replaced_during_the_run_is_read_again_and_checked_again()
    {
        var library = Path.Join(_folder, "libnull.so");
        File.Copy(Path.Join(BacktraceCorpus.Sysroot, "tmp/forensics-corpus/bin/libnull.so"), library);
        var files = new ModuleFileCache();
        Assert.Equal("libnull_read_value", Walked("lib-null", files, _folder).Threads.Single().Frames[0].Function);
        Assert.Equal(1, files.FilesRead);

        // Another program under the library's name, as if the analyst replaced the file between two cores.
        File.Copy(Path.Join(BacktraceCorpus.Sysroot, "tmp/forensics-corpus/bin/deep_recursion"), library, overwrite: true);
        File.SetLastWriteTimeUtc(library, File.GetLastWriteTimeUtc(library).AddSeconds(1));
        var capture = Walked("lib-null", files, _folder);
        Assert.Equal(2, files.FilesRead);
        Assert.Null(capture.Threads.Single().Frames[0].Function);
        Assert.Contains(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.SymbolFileBuildIdMismatch);
    }
}

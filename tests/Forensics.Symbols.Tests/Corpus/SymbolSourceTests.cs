using Forensics.Model;

namespace Forensics.Symbols.Tests.Corpus;

/// <summary>Where module files come from: nowhere, a flat folder, a build-id tree, the module's own path; and a wrong file.</summary>
public sealed class SymbolSourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("forensics-symbols-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private static string Unpacked(string path) => Path.Join(BacktraceCorpus.Sysroot, path);

    [Fact]
    public void With_the_binaries_moved_away_frames_are_module_and_offset()
    {
        var capture = BacktraceCorpus.Walked("lib-null");
        var frames = capture.Threads.Single().Frames;
        Assert.Equal(("libnull.so", 0x1105UL, UnwindMethod.Context), (frames[0].Module!, frames[0].ModuleOffset!.Value, frames[0].Method));
        // -O0 code keeps rbp: the chain finds main without any file.
        Assert.Equal(("lib_null", 0x1147UL, UnwindMethod.FramePointer), (frames[1].Module!, frames[1].ModuleOffset!.Value, frames[1].Method));
        Assert.All(frames, f => Assert.Null(f.Function));
        Assert.Contains(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.ModuleFilesNotFound
            && d.Message.Contains("[lib_null, libc.so.6, libnull.so, ld-linux-x86-64.so.2]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_flat_folder_of_binaries_names_the_frames()
    {
        foreach (var path in (string[])["tmp/forensics-corpus/bin/lib_null", "tmp/forensics-corpus/bin/libnull.so", "usr/lib/x86_64-linux-gnu/libc.so.6"])
            File.Copy(Unpacked(path), Path.Join(_folder, Path.GetFileName(path)));
        var frames = BacktraceCorpus.Walked("lib-null", _folder).Threads.Single().Frames;
        Assert.Equal(["libnull_read_value", "main", null, "__libc_start_main", "_start"], frames.Select(f => f.Function));
        Assert.Equal(UnwindMethod.Cfi, frames[1].Method);
    }

    [Fact]
    public void A_build_id_tree_names_the_frames()
    {
        // libnull.so has build-id e03c87538e83ffc69a59d3d14cf89cae472a7341 (corpus/backtrace/binaries.txt).
        var tree = Directory.CreateDirectory(Path.Join(_folder, ".build-id", "e0")).FullName;
        File.Copy(Unpacked("tmp/forensics-corpus/bin/libnull.so"), Path.Join(tree, "3c87538e83ffc69a59d3d14cf89cae472a7341"));
        var frames = BacktraceCorpus.Walked("lib-null", _folder).Threads.Single().Frames;
        Assert.Equal(("libnull_read_value", "libnull.so"), (frames[0].Function!, frames[0].Module!));
        Assert.Null(frames[1].Function);
    }

    [Fact]
    public void A_binary_with_another_build_id_is_reported_and_gives_no_name()
    {
        // Another program offered under the library's name.
        File.Copy(Unpacked("tmp/forensics-corpus/bin/deep_recursion"), Path.Join(_folder, "libnull.so"));
        var capture = BacktraceCorpus.Walked("lib-null", _folder);
        var mismatch = Assert.Single(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.SymbolFileBuildIdMismatch);
        Assert.Equal(
            $"[{Path.Join(_folder, "libnull.so")}] has build-id [5c8b7d954e67f3469b15c4c524e446f8cb15b32f], but [libnull.so] in the core has [e03c87538e83ffc69a59d3d14cf89cae472a7341]: the file is not used",
            mismatch.Message);
        var frames = capture.Threads.Single().Frames;
        Assert.Equal(("libnull.so", 0x1105UL), (frames[0].Module!, frames[0].ModuleOffset!.Value));
        Assert.All(frames, f => Assert.Null(f.Function));
    }

    [Fact]
    public void The_modules_own_path_is_used_when_its_build_id_matches()
    {
        var (capture, memory) = BacktraceCorpus.Core("lib-null");
        // The core names /tmp/forensics-corpus/bin/...; point the images at the unpacked copies, as if they were there.
        for (var i = 0; i < capture.Images.Count; i++)
        {
            if (capture.Images[i].Path is { } path)
                capture.Images[i] = capture.Images[i] with { Path = Unpacked(path) };
        }
        CaptureUnwinder.Unwind(capture, memory, new SymbolOptions { UseModulePaths = true });
        Assert.Equal(["libnull_read_value", "main", null, "__libc_start_main", "_start"], capture.Threads.Single().Frames.Select(f => f.Function));

        var (unused, sameMemory) = BacktraceCorpus.Core("lib-null");
        for (var i = 0; i < unused.Images.Count; i++)
        {
            if (unused.Images[i].Path is { } path)
                unused.Images[i] = unused.Images[i] with { Path = Unpacked(path) };
        }
        CaptureUnwinder.Unwind(unused, sameMemory, new SymbolOptions { UseModulePaths = false });
        Assert.All(unused.Threads.Single().Frames, f => Assert.Null(f.Function));
    }
}

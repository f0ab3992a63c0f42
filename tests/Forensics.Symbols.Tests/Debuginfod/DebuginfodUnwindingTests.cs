using Forensics.Model;
using Forensics.Symbols.Debuginfod;
using Forensics.Symbols.Tests.Corpus;

namespace Forensics.Symbols.Tests.Debuginfod;

/// <summary>
/// A core whose binaries are nowhere but on a real debuginfod server (started on 127.0.0.1 over the lib-null
/// programs): the walk asks it by build-id, keeps what it gives in the XDG cache layout, and names the frames.
/// </summary>
public sealed class DebuginfodUnwindingTests(DebuginfodServer server) : IClassFixture<DebuginfodServer>, IDisposable
{
    private readonly string cacheHome = Directory.CreateTempSubdirectory("forensics-xdg-cache-").FullName;

    public void Dispose() => Directory.Delete(cacheHome, recursive: true);

    private CaptureBuilder Walked(bool offline)
    {
        var environment = new Dictionary<string, string> { ["DEBUGINFOD_URLS"] = server.Url.AbsoluteUri, ["XDG_CACHE_HOME"] = cacheHome };
        var debuginfod = DebuginfodOptions.FromEnvironment(name => environment.GetValueOrDefault(name), offline, []);
        var (capture, memory) = BacktraceCorpus.Core("lib-null");
        CaptureUnwinder.Unwind(capture, memory, new SymbolOptions { UseModulePaths = false, Debuginfod = debuginfod });
        return capture;
    }

    [Fact]
    public void The_programs_of_a_core_come_from_the_server_and_name_its_frames()
    {
        var capture = Walked(offline: false);
        var frames = capture.Threads.Single().Frames;
        Assert.Equal(("libnull_read_value", "libnull.c", 9), (frames[0].Function!, frames[0].File!, frames[0].Line!.Value));
        Assert.Equal(("main", "lib_null_main.c", 9), (frames[1].Function!, frames[1].File!, frames[1].Line!.Value));
        // The programs are kept where elfutils keeps them; libc is not on the server, so its frames stay unnamed.
        var cache = Path.Combine(cacheHome, "debuginfod_client");
        Assert.True(File.Exists(Path.Combine(cache, "e03c87538e83ffc69a59d3d14cf89cae472a7341", "executable")));
        Assert.True(File.Exists(Path.Combine(cache, "9e67f9c4883668acaa2b9bf1188a82b76a05d52d", "executable")));
        Assert.Null(frames[2].Function);
        Assert.Contains(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.DebuginfodGaveNoFile
            && d.Message.StartsWith("debuginfod has no executable for [libc.so.6] (build-id [93ac61ec5a8eb1396f9fbd350e3169a558528a40])", StringComparison.Ordinal));
    }

    [Fact]
    public void Offline_names_the_frames_from_the_cache_a_first_walk_filled_and_asks_no_server()
    {
        Walked(offline: false);
        var capture = Walked(offline: true);
        Assert.Equal(["libnull_read_value", "main"], capture.Threads.Single().Frames.Take(2).Select(f => f.Function));
        Assert.Contains(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.DebuginfodGaveNoFile
            && d.Message.Contains("and the network is off (offline)", StringComparison.Ordinal));
    }

    [Fact]
    public void Offline_with_an_empty_cache_names_nothing()
    {
        var frames = Walked(offline: true).Threads.Single().Frames;
        Assert.All(frames, f => Assert.Null(f.Function));
        Assert.False(Directory.Exists(Path.Combine(cacheHome, "debuginfod_client", "e03c87538e83ffc69a59d3d14cf89cae472a7341")));
    }
}

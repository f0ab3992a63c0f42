using Forensics.Symbols.Debuginfod;

namespace Forensics.Symbols.Tests.Debuginfod;

/// <summary>The client against a real debuginfod server started on 127.0.0.1 over corpus/debuginfod.</summary>
public sealed class DebuginfodClientServerTests(DebuginfodServer server) : IClassFixture<DebuginfodServer>, IDisposable
{
    private readonly string cacheHome = Directory.CreateTempSubdirectory("forensics-xdg-cache-").FullName;

    public void Dispose() => Directory.Delete(cacheHome, recursive: true);

    private DebuginfodOptions Options(bool offline = false)
    {
        var environment = new Dictionary<string, string>
        {
            ["DEBUGINFOD_URLS"] = server.Url.AbsoluteUri,
            ["XDG_CACHE_HOME"] = cacheHome,
        };
        var problems = new List<string>();
        var options = DebuginfodOptions.FromEnvironment(name => environment.GetValueOrDefault(name), offline, problems);
        Assert.Empty(problems);
        return options;
    }

    [Fact]
    public async Task The_executable_is_found_by_build_id_and_kept_in_the_xdg_cache_layout()
    {
        using var client = new DebuginfodClient(Options());

        var result = await client.FetchAsync(DebuginfodBinaries.LookupO0BuildId, DebuginfodArtifact.Executable);

        var expectedPath = Path.Combine(cacheHome, "debuginfod_client", DebuginfodBinaries.LookupO0BuildId, "executable");
        Assert.Equal(expectedPath, result.Path);
        Assert.False(result.FromCache);
        Assert.Equal(File.ReadAllBytes(server.Binaries.LookupO0), File.ReadAllBytes(expectedPath));
        Assert.Equal(DebuginfodBinaries.LookupO0BuildId, ElfBuildIdReader.TryRead(expectedPath, out _));
        Assert.Equal([DebuginfodBinaries.LookupO0BuildId], Directory.GetDirectories(Path.Combine(cacheHome, "debuginfod_client")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_debug_file_is_kept_under_debuginfo_and_read_from_the_cache_the_second_time()
    {
        using var client = new DebuginfodClient(Options());

        var first = await client.FetchAsync(DebuginfodBinaries.LookupO2BuildId, DebuginfodArtifact.DebugInfo);
        var second = await client.FetchAsync(DebuginfodBinaries.LookupO2BuildId, DebuginfodArtifact.DebugInfo);

        var expectedPath = Path.Combine(cacheHome, "debuginfod_client", DebuginfodBinaries.LookupO2BuildId, "debuginfo");
        Assert.Equal(expectedPath, first.Path);
        Assert.False(first.FromCache);
        Assert.Equal(expectedPath, second.Path);
        Assert.True(second.FromCache);
        Assert.Equal(File.ReadAllBytes(server.Binaries.LookupO2), File.ReadAllBytes(expectedPath));
    }

    [Fact]
    public async Task Offline_uses_only_the_cache()
    {
        using (var online = new DebuginfodClient(Options()))
            Assert.NotNull((await online.FetchAsync(DebuginfodBinaries.LookupO0BuildId, DebuginfodArtifact.Executable)).Path);
        using var offline = new DebuginfodClient(Options(offline: true));

        var cached = await offline.FetchAsync(DebuginfodBinaries.LookupO0BuildId, DebuginfodArtifact.Executable);
        var missing = await offline.FetchAsync(DebuginfodBinaries.LookupO2BuildId, DebuginfodArtifact.Executable);

        Assert.True(cached.FromCache);
        Assert.Null(missing.Path);
        Assert.Equal(
            [$"build-id [{DebuginfodBinaries.LookupO2BuildId}] is not in the debuginfod cache [{Path.Combine(cacheHome, "debuginfod_client")}] and the network is off (offline)"],
            missing.Problems);
        Assert.False(Directory.Exists(Path.Combine(cacheHome, "debuginfod_client", DebuginfodBinaries.LookupO2BuildId)));
    }

    [Fact]
    public async Task A_build_id_the_server_does_not_have_gives_its_404()
    {
        using var client = new DebuginfodClient(Options());
        const string unknown = "0123456789abcdef0123456789abcdef01234567";

        var result = await client.FetchAsync(unknown, DebuginfodArtifact.DebugInfo);

        Assert.Null(result.Path);
        Assert.Equal([$"[{server.Url.AbsoluteUri}buildid/{unknown}/debuginfo] answered [404 Not Found]"], result.Problems);
        Assert.False(File.Exists(Path.Combine(cacheHome, "debuginfod_client", unknown, "debuginfo")));
    }
}

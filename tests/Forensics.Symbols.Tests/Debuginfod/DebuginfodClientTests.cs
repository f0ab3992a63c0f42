using System.Net;
using System.Net.Sockets;
using Forensics.Symbols.Debuginfod;
using Forensics.TestSupport;

namespace Forensics.Symbols.Tests.Debuginfod;

/// <summary>What the client refuses: files of another build, bad build-ids, silent servers; and its environment.</summary>
public sealed class DebuginfodClientTests : IDisposable
{
    private readonly string cache = Directory.CreateTempSubdirectory("forensics-debuginfod-cache-").FullName;
    private readonly DebuginfodBinaries binaries = new();
    private readonly CancellationTokenSource stallingStopped = new();

    public void Dispose()
    {
        Directory.Delete(cache, recursive: true);
        binaries.Dispose();
        stallingStopped.Dispose();
    }

    [Fact]
    public void The_build_id_reader_agrees_with_readelf_on_the_corpus_binaries()
    {
        // corpus/debuginfod/build-ids.txt is what readelf -n printed when the binaries were made.
        foreach (var line in File.ReadAllLines(TestPaths.CorpusFile("debuginfod", "build-ids.txt")))
        {
            var (buildId, file) = (line.Split(' ')[0], line.Split(' ')[1]);
            Assert.Equal(buildId, ElfBuildIdReader.TryRead(Path.Combine(binaries.Folder, file), out var problem));
            Assert.Null(problem);
        }
        Assert.Null(ElfBuildIdReader.TryRead(TestPaths.CorpusFile("debuginfod", "lookup.c"), out var notElf));
        Assert.StartsWith("not an ELF file", notElf);
    }

    [Fact]
    public async Task A_file_of_another_build_is_refused_and_not_cached()
    {
        // The "server" answers every request with lookup-O2, whatever build-id was asked for.
        using var handler = new FixedAnswerHandler(File.ReadAllBytes(binaries.LookupO2));
        using var client = new DebuginfodClient(Options(new Uri("http://127.0.0.1:9/")), handler);

        var result = await client.FetchAsync(DebuginfodBinaries.LookupO0BuildId, DebuginfodArtifact.Executable);

        Assert.Null(result.Path);
        Assert.Equal(
            [$"[http://127.0.0.1:9/buildid/{DebuginfodBinaries.LookupO0BuildId}/executable] is refused: its build-id is [{DebuginfodBinaries.LookupO2BuildId}], not [{DebuginfodBinaries.LookupO0BuildId}]"],
            result.Problems);
        Assert.Empty(Directory.GetFiles(cache, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_cached_file_of_another_build_is_refused_and_removed()
    {
        var cachedPath = Path.Combine(cache, DebuginfodBinaries.LookupO0BuildId, "executable");
        Directory.CreateDirectory(Path.GetDirectoryName(cachedPath)!);
        File.Copy(binaries.LookupO2, cachedPath);
        using var client = new DebuginfodClient(Options() with { Offline = true });

        var result = await client.FetchAsync(DebuginfodBinaries.LookupO0BuildId, DebuginfodArtifact.Executable);

        Assert.Null(result.Path);
        Assert.Equal($"cached file [{cachedPath}] is refused: its build-id is [{DebuginfodBinaries.LookupO2BuildId}], not [{DebuginfodBinaries.LookupO0BuildId}]", result.Problems[0]);
        Assert.False(File.Exists(cachedPath));
    }

    [Theory]
    [InlineData("")]
    [InlineData("14A3DB59")]
    [InlineData("14a3d")]
    [InlineData("../../etc/passwd")]
    public async Task A_build_id_that_is_not_lower_case_hex_is_refused_before_any_request(string buildId)
    {
        using var handler = new FixedAnswerHandler([]);
        using var client = new DebuginfodClient(Options(new Uri("http://127.0.0.1:9/")), handler);

        var result = await client.FetchAsync(buildId, DebuginfodArtifact.DebugInfo);

        Assert.Null(result.Path);
        Assert.Equal(0, handler.Requests);
        Assert.Equal([$"build-id [{buildId}] is not 2 to 128 lower-case hex digits"], result.Problems);
    }

    [Theory]
    [InlineData("")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n\u007fELF")]
    public async Task A_server_that_stops_sending_is_given_up_after_the_timeout(string sentBeforeStalling)
    {
        // A listener that accepts the connection, sends the given start of an answer (maybe nothing) and stalls.
        var stalling = new TcpListener(IPAddress.Loopback, 0);
        stalling.Start();
        var serve = Task.Run(async () =>
        {
            using var connection = await stalling.AcceptTcpClientAsync();
            var stream = connection.GetStream();
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(sentBeforeStalling));
            _ = await stream.ReadAtLeastAsync(new byte[4096], 1, throwOnEndOfStream: false);
            await Task.Delay(Timeout.Infinite, stallingStopped.Token);
        });
        try
        {
            var url = new Uri($"http://127.0.0.1:{((IPEndPoint)stalling.LocalEndpoint).Port}/");
            using var client = new DebuginfodClient(Options(url) with { Timeout = TimeSpan.FromSeconds(1) });

            var result = await client.FetchAsync(DebuginfodBinaries.LookupO0BuildId, DebuginfodArtifact.Executable);

            Assert.Null(result.Path);
            Assert.Equal([$"[{url}buildid/{DebuginfodBinaries.LookupO0BuildId}/executable] failed: no answer within [1] s"], result.Problems);
            Assert.Empty(Directory.GetFiles(cache, "*", SearchOption.AllDirectories));
        }
        finally
        {
            await stallingStopped.CancelAsync();
            stalling.Stop();
            await Task.WhenAny(serve);
        }
    }

    [Fact]
    public void The_environment_follows_the_elfutils_client()
    {
        var problems = new List<string>();
        var environment = new Dictionary<string, string>
        {
            ["DEBUGINFOD_URLS"] = "http://127.0.0.1:8002  https://debuginfod.debian.net/ ftp://example.org",
            ["XDG_CACHE_HOME"] = "/var/cache/analyst",
            ["HOME"] = "/home/analyst",
            ["DEBUGINFOD_TIMEOUT"] = "5",
        };

        var options = DebuginfodOptions.FromEnvironment(name => environment.GetValueOrDefault(name), offline: false, problems);

        Assert.Equal(["http://127.0.0.1:8002/", "https://debuginfod.debian.net/"], options.ServerUrls.Select(url => url.AbsoluteUri));
        Assert.Equal("/var/cache/analyst/debuginfod_client", options.CacheDirectory);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal(["DEBUGINFOD_URLS entry [ftp://example.org] is not an http or https URL; it is ignored"], problems);

        environment.Remove("XDG_CACHE_HOME");
        Assert.Equal("/home/analyst/.cache/debuginfod_client", DebuginfodOptions.FromEnvironment(name => environment.GetValueOrDefault(name), false, []).CacheDirectory);
        environment["DEBUGINFOD_CACHE_PATH"] = "/srv/debuginfod";
        Assert.Equal("/srv/debuginfod", DebuginfodOptions.FromEnvironment(name => environment.GetValueOrDefault(name), false, []).CacheDirectory);
    }

    private DebuginfodOptions Options(Uri? server = null) => new()
    {
        CacheDirectory = cache,
        ServerUrls = server is null ? [] : [server],
    };

    private sealed class FixedAnswerHandler(byte[] body) : HttpMessageHandler
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) });
        }
    }
}

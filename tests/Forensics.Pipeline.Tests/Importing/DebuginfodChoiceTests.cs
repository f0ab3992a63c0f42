using Forensics.Pipeline.Importing;

namespace Forensics.Pipeline.Tests.Importing;

/// <summary>What --debuginfod and --offline ask of debuginfod, with DEBUGINFOD_URLS set as distributions set it.</summary>
public class DebuginfodChoiceTests
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["DEBUGINFOD_URLS"] = "https://debuginfod.debian.net",
        ["XDG_CACHE_HOME"] = "/home/analyst/.cache",
    };

    private static Symbols.Debuginfod.DebuginfodOptions? Choice(IReadOnlyList<string>? urls, bool offline, List<string> problems) =>
        DebuginfodChoice.From(urls, offline, name => Environment.GetValueOrDefault(name), problems);

    [Fact]
    public void Without_either_option_debuginfod_is_not_asked_even_with_DEBUGINFOD_URLS_set()
    {
        Assert.Null(Choice(null, offline: false, []));
        Assert.Equal("off", new ImportOptions().DebuginfodSearch);
    }

    [Fact]
    public void Debuginfod_without_a_URL_asks_the_servers_of_DEBUGINFOD_URLS_and_keeps_files_in_the_XDG_cache()
    {
        var options = Choice([], offline: false, [])!;
        Assert.Equal(["https://debuginfod.debian.net/"], options.ServerUrls.Select(u => u.AbsoluteUri));
        Assert.Equal("/home/analyst/.cache/debuginfod_client", options.CacheDirectory);
        Assert.False(options.Offline);
    }

    [Fact]
    public void Debuginfod_URLs_replace_DEBUGINFOD_URLS_and_a_bad_one_is_named()
    {
        var problems = new List<string>();
        var options = Choice(["http://127.0.0.1:8002", "ftp://mirror"], offline: false, problems)!;
        Assert.Equal(["http://127.0.0.1:8002/"], options.ServerUrls.Select(u => u.AbsoluteUri));
        Assert.Equal(["--debuginfod [ftp://mirror] is not an http or https URL"], problems);
        Assert.Equal("http://127.0.0.1:8002/ offline False cache /home/analyst/.cache/debuginfod_client",
            new ImportOptions { Debuginfod = options }.DebuginfodSearch);
    }

    [Fact]
    public void Offline_alone_reads_the_cache_and_asks_no_server()
    {
        var options = Choice(null, offline: true, [])!;
        Assert.True(options.Offline);
    }
}

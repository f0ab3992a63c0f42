using Forensics.Symbols.Debuginfod;

namespace Forensics.Pipeline.Importing;

/// <summary>
/// What the command line asks of debuginfod (docs/debuginfod.md#on-the-command-line): nothing unless
/// <c>--debuginfod</c> or <c>--offline</c> is given, because a <c>DEBUGINFOD_URLS</c> that a distribution sets for
/// every shell must not make the reports depend on a network.
/// </summary>
public static class DebuginfodChoice
{
    /// <summary>
    /// The options, or null when debuginfod is not asked. <paramref name="urls"/> null: <c>--debuginfod</c> was not
    /// given; empty: given without a URL, so the servers are <c>DEBUGINFOD_URLS</c>. <paramref name="offline"/> uses
    /// only the cache. Bad URLs and variables are named in <paramref name="problems"/>.
    /// </summary>
    public static DebuginfodOptions? From(IReadOnlyList<string>? urls, bool offline, Func<string, string?> environment, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(problems);
        if (urls is null && !offline)
            return null;
        var options = DebuginfodOptions.FromEnvironment(environment, offline, problems);
        if (urls is not { Count: > 0 })
            return options;
        var servers = new List<Uri>();
        foreach (var text in urls)
        {
            if (DebuginfodOptions.TryParseServer(text) is { } url)
                servers.Add(url);
            else
                problems.Add($"--debuginfod [{text}] is not an http or https URL");
        }
        return options with { ServerUrls = servers };
    }
}

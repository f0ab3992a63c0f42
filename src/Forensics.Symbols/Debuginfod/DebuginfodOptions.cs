namespace Forensics.Symbols.Debuginfod;

/// <summary>
/// Where a debuginfod client looks and keeps what it downloads, following the elfutils client's environment
/// (docs/debuginfod.md#environment).
/// </summary>
public sealed record DebuginfodOptions
{
    /// <summary>elfutils' default for DEBUGINFOD_TIMEOUT: seconds without progress before a server is given up.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    /// <summary>The servers, asked in order (DEBUGINFOD_URLS, separated by spaces).</summary>
    public IReadOnlyList<Uri> ServerUrls { get; init; } = [];

    /// <summary>The cache folder: DEBUGINFOD_CACHE_PATH, else $XDG_CACHE_HOME/debuginfod_client, else ~/.cache/debuginfod_client.</summary>
    public required string CacheDirectory { get; init; }

    /// <summary>How long a request may go without receiving anything (DEBUGINFOD_TIMEOUT, in seconds).</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>When set, only the cache is used and no request is made.</summary>
    public bool Offline { get; init; }

    /// <summary>The largest file accepted from a server; a longer answer is cut off and refused.</summary>
    public long MaxDownloadBytes { get; init; } = 2L << 30;

    /// <summary>
    /// The options an environment gives (<paramref name="variable"/> reads one variable). URLs that are not http or
    /// https are left out and named in <paramref name="problems"/>.
    /// </summary>
    public static DebuginfodOptions FromEnvironment(Func<string, string?> variable, bool offline, List<string> problems)
    {
        var urls = new List<Uri>();
        foreach (var text in (variable("DEBUGINFOD_URLS") ?? "").Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (TryParseServer(text) is { } url)
                urls.Add(url);
            else
                problems.Add($"DEBUGINFOD_URLS entry [{text}] is not an http or https URL; it is ignored");
        }
        var timeout = DefaultTimeout;
        if (variable("DEBUGINFOD_TIMEOUT") is { Length: > 0 } seconds)
        {
            if (int.TryParse(seconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0)
                timeout = TimeSpan.FromSeconds(value);
            else
                problems.Add($"DEBUGINFOD_TIMEOUT [{seconds}] is not a positive number of seconds; using [{DefaultTimeout.TotalSeconds}]");
        }
        return new DebuginfodOptions
        {
            ServerUrls = urls,
            CacheDirectory = CacheDirectoryFrom(variable),
            Timeout = timeout,
            Offline = offline,
        };
    }

    /// <summary>A server URL: absolute, http or https; null for anything else.</summary>
    public static Uri? TryParseServer(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url : null;

    private static string CacheDirectoryFrom(Func<string, string?> variable)
    {
        if (variable("DEBUGINFOD_CACHE_PATH") is { Length: > 0 } explicitPath)
            return explicitPath;
        if (variable("XDG_CACHE_HOME") is { Length: > 0 } cacheHome)
            return Path.Combine(cacheHome, "debuginfod_client");
        var home = variable("HOME") is { Length: > 0 } homeVariable ? homeVariable : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".cache", "debuginfod_client");
    }
}

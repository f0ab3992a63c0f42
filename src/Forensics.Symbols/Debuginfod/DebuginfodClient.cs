using System.Net;

namespace Forensics.Symbols.Debuginfod;

/// <summary>
/// Finds a debug file or executable by build-id the way elfutils' debuginfod client does: the cache first
/// (<c>CACHE/HEX/debuginfo</c>, <c>CACHE/HEX/executable</c>), then each server of DEBUGINFOD_URLS in order with
/// <c>GET URL/buildid/HEX/debuginfo</c> or <c>/executable</c>. A downloaded file is kept only when its own build-id is
/// the one asked for; nothing is fetched when <see cref="DebuginfodOptions.Offline"/> is set.
/// </summary>
public sealed class DebuginfodClient : IDisposable
{
    private const int MinBuildIdDigits = 2, MaxBuildIdDigits = 128;

    private readonly DebuginfodOptions options;
    private readonly HttpClient http;

    /// <summary>A client for <paramref name="options"/>; <paramref name="handler"/> replaces the network in tests.</summary>
    public DebuginfodClient(DebuginfodOptions options, HttpMessageHandler? handler = null)
    {
        this.options = options;
        // The timeout is one of no progress, as elfutils' is: it restarts with every block received (see CopyBoundedAsync).
        http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>The path in the cache of <paramref name="artifact"/> for <paramref name="buildId"/>.</summary>
    public string CachePath(string buildId, DebuginfodArtifact artifact) =>
        Path.Combine(options.CacheDirectory, buildId, artifact == DebuginfodArtifact.DebugInfo ? "debuginfo" : "executable");

    /// <summary>The checked file for <paramref name="buildId"/> (hex), from the cache or a server, or the reasons there is none.</summary>
    public async Task<DebuginfodResult> FetchAsync(string buildId, DebuginfodArtifact artifact, CancellationToken cancellation = default)
    {
        var problems = new List<string>();
        if (!IsBuildId(buildId))
            return new DebuginfodResult(null, false, [$"build-id [{buildId}] is not {MinBuildIdDigits} to {MaxBuildIdDigits} lower-case hex digits"]);
        var cached = CachePath(buildId, artifact);
        if (File.Exists(cached))
        {
            if (CheckBuildId(cached, buildId, problems, $"cached file [{cached}]"))
                return new DebuginfodResult(cached, true, problems);
            // A cached file of another build is of no use; a server may still give the right one.
            File.Delete(cached);
        }
        if (options.Offline)
        {
            problems.Add($"build-id [{buildId}] is not in the debuginfod cache [{options.CacheDirectory}] and the network is off (offline)");
            return new DebuginfodResult(null, false, problems);
        }
        if (options.ServerUrls.Count == 0)
            problems.Add("no debuginfod server is set (DEBUGINFOD_URLS is empty)");
        foreach (var server in options.ServerUrls)
        {
            if (await TryDownloadAsync(server, buildId, artifact, cached, problems, cancellation).ConfigureAwait(false))
                return new DebuginfodResult(cached, false, problems);
        }
        return new DebuginfodResult(null, false, problems);
    }

    private async Task<bool> TryDownloadAsync(
        Uri server, string buildId, DebuginfodArtifact artifact, string destination, List<string> problems, CancellationToken cancellation)
    {
        var kind = artifact == DebuginfodArtifact.DebugInfo ? "debuginfo" : "executable";
        var url = new Uri(server.AbsoluteUri.TrimEnd('/') + $"/buildid/{buildId}/{kind}");
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var temporary = destination + $".partial-{Environment.ProcessId}-{Guid.NewGuid():N}";
        using var progress = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        progress.CancelAfter(options.Timeout);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, progress.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"[{url}] answered [{(int)response.StatusCode} {response.ReasonPhrase}]");
                return false;
            }
            if (response.Content.Headers.ContentLength > options.MaxDownloadBytes)
            {
                problems.Add($"[{url}] offers [{response.Content.Headers.ContentLength}] bytes, over the limit [{options.MaxDownloadBytes}]");
                return false;
            }
            await using (var body = await response.Content.ReadAsStreamAsync(progress.Token).ConfigureAwait(false))
            await using (var file = File.Create(temporary))
            {
                if (!await CopyBoundedAsync(body, file, options.MaxDownloadBytes, progress, options.Timeout).ConfigureAwait(false))
                {
                    problems.Add($"[{url}] sent more than the limit of [{options.MaxDownloadBytes}] bytes");
                    return false;
                }
            }
            if (!CheckBuildId(temporary, buildId, problems, $"[{url}]"))
                return false;
            File.Move(temporary, destination, overwrite: true);
            return true;
        }
        catch (Exception error) when (error is HttpRequestException or IOException or OperationCanceledException && !cancellation.IsCancellationRequested)
        {
            var reason = error is OperationCanceledException ? $"no answer within [{options.Timeout.TotalSeconds}] s" : error.Message;
            problems.Add($"[{url}] failed: {reason}");
            return false;
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    private static async Task<bool> CopyBoundedAsync(Stream source, Stream destination, long limit, CancellationTokenSource progress, TimeSpan timeout)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, progress.Token).ConfigureAwait(false)) > 0)
        {
            progress.CancelAfter(timeout);
            total += read;
            if (total > limit)
                return false;
            await destination.WriteAsync(buffer.AsMemory(0, read), progress.Token).ConfigureAwait(false);
        }
        return true;
    }

    private static bool CheckBuildId(string path, string expected, List<string> problems, string source)
    {
        var actual = ElfBuildIdReader.TryRead(path, out var problem);
        if (actual == expected)
            return true;
        problems.Add(actual is null
            ? $"{source} is refused: {problem}"
            : $"{source} is refused: its build-id is [{actual}], not [{expected}]");
        return false;
    }

    private static bool IsBuildId(string text) =>
        text.Length is >= MinBuildIdDigits and <= MaxBuildIdDigits && text.Length % 2 == 0 && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    public void Dispose() => http.Dispose();
}

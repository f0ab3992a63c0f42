using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Forensics.Symbols.Tests.Debuginfod;

/// <summary>
/// A real elfutils <c>debuginfod</c> serving the binaries of corpus/debuginfod/binaries.tar on a free loopback port, with its database in a
/// temporary folder; shared by the tests of a class and stopped after them.
/// </summary>
public sealed class DebuginfodServer : IDisposable
{
    private readonly Process process;
    private readonly string databaseFolder;

    public DebuginfodServer()
    {
        Binaries = new DebuginfodBinaries();
        databaseFolder = Directory.CreateTempSubdirectory("forensics-debuginfod-db-").FullName;
        Port = FreeLoopbackPort();
        var start = new ProcessStartInfo("debuginfod")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -F: index ELF files; -t 0 -g 0: one scan, no grooming; -c 1: one scanning thread on a shared machine.
        foreach (var argument in new[] { "-F", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "-d", Path.Combine(databaseFolder, "debuginfod.sqlite"), "-t", "0", "-g", "0", "-c", "1", "--disable-source-scan",
                     Binaries.Folder })
            start.ArgumentList.Add(argument);
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("debuginfod did not start");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException("debuginfod is not installed (Debian package debuginfod; .ci/run installs it)", error);
        }
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        WaitUntilIndexed();
    }

    public DebuginfodBinaries Binaries { get; }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.Dispose();
        Directory.Delete(databaseFolder, recursive: true);
        Binaries.Dispose();
    }

    /// <summary>Asks for a known build-id until the first scan has indexed it (at most 240 tries a quarter second apart).</summary>
    private void WaitUntilIndexed()
    {
        using var http = new HttpClient();
        var probe = new Uri(Url, $"/buildid/{DebuginfodBinaries.LookupO0BuildId}/executable");
        for (var attempt = 0; attempt < 240 && !process.HasExited; attempt++)
        {
            try
            {
                using var response = http.GetAsync(probe).GetAwaiter().GetResult();
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            Thread.Sleep(250);
        }
        throw new InvalidOperationException($"debuginfod on port [{Port}] did not index the binaries (exited: [{process.HasExited}])");
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

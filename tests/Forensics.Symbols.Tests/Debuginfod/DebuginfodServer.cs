using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Forensics.TestSupport;

namespace Forensics.Symbols.Tests.Debuginfod;

/// <summary>
/// A real elfutils <c>debuginfod</c> serving the binaries of corpus/debuginfod/binaries.tar, and the two programs of
/// the backtrace lib-null core (<c>lib_null</c>, <c>libnull.so</c>), on a free loopback port, with its database in a
/// temporary folder; shared by the tests of a class and stopped after them.
/// </summary>
public sealed class DebuginfodServer : IDisposable
{
    private readonly Process process;
    private readonly string databaseFolder;

    public DebuginfodServer()
    {
        Binaries = new DebuginfodBinaries();
        var libNull = Directory.CreateDirectory(Path.Combine(Binaries.Folder, "lib-null")).FullName;
        foreach (var program in LibNullPrograms)
            File.Copy(BacktraceBinaries.File("tmp/forensics-corpus/bin/" + program), Path.Combine(libNull, program));
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

    /// <summary>The lib-null core's own programs; their build-ids are in corpus/backtrace/binaries.txt.</summary>
    public static readonly string[] LibNullPrograms = ["lib_null", "libnull.so"];

    private static readonly string[] IndexedBuildIds =
        [DebuginfodBinaries.LookupO0BuildId, "9e67f9c4883668acaa2b9bf1188a82b76a05d52d", "e03c87538e83ffc69a59d3d14cf89cae472a7341"];

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

    /// <summary>Asks for the known build-ids until the first scan has indexed them (at most 240 tries a quarter second apart).</summary>
    private void WaitUntilIndexed()
    {
        using var http = new HttpClient();
        var pending = new Queue<string>(IndexedBuildIds);
        for (var attempt = 0; attempt < 240 && !process.HasExited; attempt++)
        {
            try
            {
                using var response = http.GetAsync(new Uri(Url, $"/buildid/{pending.Peek()}/executable")).GetAwaiter().GetResult();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    pending.Dequeue();
                    if (pending.Count == 0)
                        return;
                    continue;
                }
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

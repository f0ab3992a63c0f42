using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Forensics.Model;
using Forensics.Pipeline.Importing;
using Forensics.TestSupport;
using Xunit.Abstractions;

namespace Forensics.Pipeline.Tests.Importing;

/// <summary>
/// The core systemd-coredump itself stored for crash_null run as nobody (corpus/systemd-coredump): its name
/// core.COMM.UID.BOOTID.PID.TIME.zst and the user.coredump.* attributes it set, which commands.log lists because git
/// keeps none. The expected values are read from commands.log, so a rerun of make-corpus.sh keeps the tests true.
/// </summary>
public sealed partial class SystemdCoredumpStoredCoreTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Log = File.ReadAllLines(TestPaths.CorpusFile("systemd-coredump", "commands.log"));
    private readonly string _folder = Directory.CreateTempSubdirectory("forensics-systemd-coredump-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string StoredName => Log.Single(l => l.StartsWith("stored: ", StringComparison.Ordinal))["stored: ".Length..].Split(',')[0];

    private static IReadOnlyList<(string Name, string Value)> Attributes =>
        Log.Where(l => l.StartsWith("xattr ", StringComparison.Ordinal))
            .Select(l => l["xattr ".Length..].Split('=', 2))
            .Select(p => (p[0], p[1]))
            .ToList();

    private static string Attribute(string name) => Attributes.Single(a => a.Name == "user.coredump." + name).Value;

    [Fact]
    public void The_name_gives_pid_uid_boot_id_and_time_and_the_core_the_signal()
    {
        var capture = Assert.Single(new BatchImporter().ImportFile(TestPaths.CorpusFile("systemd-coredump", StoredName), StoredName).Captures);
        var parts = StoredName.Split('.');
        Assert.Equal(["core", "crash_null", "65534"], parts[..3]);
        Assert.Equal("zst", parts[^1]);
        var pid = int.Parse(Attribute("pid"), CultureInfo.InvariantCulture);
        Assert.Equal((CaptureFormat.Core, pid, "crash_null"), (capture.Format, capture.Pid, capture.ProcessName));
        Assert.Equal(parts[4], Attribute("pid"));

        var microseconds = Attribute("timestamp");
        Assert.Equal(parts[5], microseconds);
        var time = DateTimeOffset.FromUnixTimeSeconds(long.Parse(microseconds, CultureInfo.InvariantCulture) / 1_000_000);
        Assert.Contains(new CaptureFact("COREDUMP_UID", "65534"), capture.Facts);
        Assert.Contains(new CaptureFact("COREDUMP_BOOT_ID", parts[3]), capture.Facts);
        Assert.Matches("^[0-9a-f]{32}$", parts[3]);
        Assert.Contains(new CaptureFact("COREDUMP_TIMESTAMP", $"{microseconds} ({time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC)"), capture.Facts);

        // crash_null writes through a null pointer to 0x10; the signal systemd-coredump was given is the core's.
        Assert.Equal("11", Attribute("signal"));
        Assert.Equal((11, (int?)1, (ulong?)0x10UL, (int?)pid), (capture.Signal!.Number, capture.Signal.Code, capture.Signal.FaultAddress, capture.Signal.ThreadId));
    }

    [Fact]
    public void The_attributes_systemd_coredump_set_are_facts_that_agree_with_the_name()
    {
        var core = Path.Combine(_folder, StoredName);
        File.Copy(TestPaths.CorpusFile("systemd-coredump", StoredName), core);
        Assert.Equal(
            ["user.coredump.comm", "user.coredump.exe", "user.coredump.gid", "user.coredump.pid", "user.coredump.rlimit", "user.coredump.signal",
             "user.coredump.timestamp", "user.coredump.uid"],
            Attributes.Select(a => a.Name));
        foreach (var (name, value) in Attributes)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            if (SetAttribute(core, name, bytes, (nuint)bytes.Length, 0) != 0)
            {
                output.WriteLine($"skipped: the file system refused the user extended attribute [{name}] (errno {Marshal.GetLastPInvokeError()})");
                return;
            }
        }

        var capture = Assert.Single(new BatchImporter().ImportFile(core, StoredName).Captures);
        var facts = capture.Facts.Where(f => f.Name.StartsWith("user.coredump.", StringComparison.Ordinal)).ToList();
        Assert.Equal(Attributes.Select(a => new CaptureFact(a.Name, a.Value)), facts);
        Assert.Equal(("crash_null", "/tmp/forensics-corpus/bin/crash_null", "65534", "65534"),
            (Attribute("comm"), Attribute("exe"), Attribute("uid"), Attribute("gid")));
        var parts = StoredName.Split('.');
        Assert.Equal((parts[2], parts[4], parts[5]), (Attribute("uid"), Attribute("pid"), Attribute("timestamp")));
        Assert.Contains(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.CoredumpAttributes && d.Message.StartsWith("[8]", StringComparison.Ordinal));
    }

    [LibraryImport("libc", EntryPoint = "setxattr", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetAttribute(string path, string name, byte[] value, nuint size, int flags);
}

using System.Globalization;
using Forensics.Model;
using Forensics.Pipeline.Importing;
using Forensics.TestSupport;

namespace Forensics.Pipeline.Tests.Importing;

/// <summary>
/// The core systemd-coredump itself stored for crash_null run as nobody (corpus/systemd-coredump), read by its name
/// core.COMM.UID.BOOTID.PID.TIME.zst alone: git keeps none of the attributes it set (CoredumpAttributesTests sets them
/// back on a copy).
/// </summary>
public sealed class SystemdCoredumpStoredCoreTests
{
    [Fact]
    public void The_name_gives_pid_uid_boot_id_and_time_and_the_core_the_signal()
    {
        var capture = Assert.Single(new BatchImporter().ImportFile(StoredCoredump.Path, StoredCoredump.Name).Captures);
        var parts = StoredCoredump.NameParts;
        Assert.Equal(["core", "crash_null", "65534"], parts[..3]);
        Assert.Equal("zst", parts[^1]);
        var pid = StoredCoredump.Pid;
        Assert.Equal((CaptureFormat.Core, pid, "crash_null"), (capture.Format, capture.Pid, capture.ProcessName));
        Assert.Equal(parts[4], StoredCoredump.Attribute("pid"));

        var microseconds = StoredCoredump.Attribute("timestamp");
        Assert.Equal(parts[5], microseconds);
        var time = DateTimeOffset.FromUnixTimeSeconds(long.Parse(microseconds, CultureInfo.InvariantCulture) / 1_000_000);
        Assert.Contains(new CaptureFact("COREDUMP_UID", "65534"), capture.Facts);
        Assert.Matches("^[0-9a-f]{32}$", parts[3]);
        Assert.Contains(new CaptureFact("COREDUMP_BOOT_ID", parts[3]), capture.Facts);
        Assert.Contains(new CaptureFact("COREDUMP_TIMESTAMP", $"{microseconds} ({time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC)"), capture.Facts);

        // crash_null writes through a null pointer to 0x10; the signal systemd-coredump was given is the core's.
        Assert.Equal("11", StoredCoredump.Attribute("signal"));
        Assert.Equal((11, (int?)1, (ulong?)0x10UL, (int?)pid), (capture.Signal!.Number, capture.Signal.Code, capture.Signal.FaultAddress, capture.Signal.ThreadId));
    }
}

using System.Runtime.InteropServices;

namespace Forensics.Importers.Budget;

/// <summary>
/// A clock that advances only while the calling thread runs on a CPU (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), so a
/// per-file time budget counts the work of that one import and not the time the machine spent on anything else: the
/// same input under the same budget gives the same result however busy the machine is. Elsewhere it falls back to
/// the system clock.
/// </summary>
public sealed class ThreadCpuClock : TimeProvider
{
    private const int ClockThreadCpuTime = 3;
    private const long NanosecondsPerSecond = 1_000_000_000;

    private ThreadCpuClock()
    {
    }

    /// <summary>The clock of the thread that reads it.</summary>
    public static TimeProvider Instance { get; } = OperatingSystem.IsLinux() ? new ThreadCpuClock() : System;

    public override long TimestampFrequency => NanosecondsPerSecond;

    /// <summary>CPU time consumed by the calling thread, in nanoseconds.</summary>
    public override long GetTimestamp()
    {
        if (ClockGetTime(ClockThreadCpuTime, out var time) != 0)
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed with errno " + Marshal.GetLastPInvokeError());
        return (time.Seconds * NanosecondsPerSecond) + time.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}

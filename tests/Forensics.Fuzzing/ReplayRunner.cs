using System.Diagnostics;
using System.Globalization;

namespace Forensics.Fuzzing;

/// <summary>
/// Runs every file of a directory through a target in this process and reports what afl-fuzz would call a
/// crash (an exception), a hang (longer than <see cref="TimeLimit"/>) or a huge allocation.
/// </summary>
internal static class ReplayRunner
{
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(2);
    /// <summary>Inputs are at most a few megabytes; allocating more than this for one is a bounds bug.</summary>
    public const long AllocationLimit = 256L * 1024 * 1024;

    /// <summary>Replays <paramref name="directory"/> through <paramref name="target"/>; returns the number of bad inputs.</summary>
    public static int Run(Action<byte[]> target, string directory, TextWriter output)
    {
        var files = Directory.EnumerateFiles(directory)
            .Order(StringComparer.Ordinal).ToList();
        var failures = 0;
        foreach (var file in files)
        {
            var problem = RunOne(target, File.ReadAllBytes(file));
            if (problem is null)
                continue;
            failures++;
            output.WriteLine($"{file}: {problem}");
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"replayed [{files.Count}] inputs, [{failures}] failed"));
        return failures;
    }

    private static string? RunOne(Action<byte[]> target, byte[] input)
    {
        Exception? thrown = null;
        long allocated = 0;
        var worker = new Thread(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                target(input);
            }
            catch (Exception exception) // The harness reports every escaping exception: that is what it looks for.
            {
                thrown = exception;
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }) { IsBackground = true };
        var clock = Stopwatch.StartNew();
        worker.Start();
        if (!worker.Join(TimeLimit))
            return string.Create(CultureInfo.InvariantCulture, $"hang: still running after [{TimeLimit.TotalSeconds}] s");
        if (thrown is not null)
            return $"crash: {thrown}";
        if (allocated > AllocationLimit)
            return string.Create(CultureInfo.InvariantCulture, $"huge allocation: [{allocated}] bytes in [{clock.ElapsedMilliseconds}] ms");
        return null;
    }
}

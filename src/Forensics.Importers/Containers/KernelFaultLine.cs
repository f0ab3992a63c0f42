using System.Globalization;
using System.Text.RegularExpressions;
using Forensics.Model;

namespace Forensics.Importers.Containers;

/// <summary>The kernel's log line for a fault, as coredumpctl and ABRT's <c>var_log_messages</c> quote it.</summary>
internal static partial class KernelFaultLine
{
    /// <summary>
    /// The kernel's line for a fault (arch/x86/mm/fault.c show_signal_msg): <c>comm[pid]: segfault at ADDR ip IP sp SP
    /// error N in FILE[BASE+SIZE]</c>; the mapping named is the one holding IP.
    /// </summary>
    /// <param name="capture">Takes the fault address, the line as a fact, the crashing thread's PC and SP, and the mapping when <paramref name="withMapping"/>.</param>
    /// <param name="kernel">A match of the line.</param>
    /// <param name="withMapping">Whether to add the mapping named, for a capture that has no maps of its own.</param>
    public static void Apply(CaptureBuilder capture, Match kernel, bool withMapping = true)
    {
        var address = Address(kernel);
        var ip = ulong.Parse(kernel.Groups["ip"].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        var sp = ulong.Parse(kernel.Groups["sp"].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        capture.Signal = (capture.Signal ?? new SignalInfo { Number = 11, ThreadId = capture.Pid }) with { FaultAddress = address };
        capture.Facts.Add(new CaptureFact("Kernel", kernel.Value.Trim()));
        if (capture.Threads.Count > 0 && capture.Threads[0].ProgramCounter == ip)
        {
            var crashing = capture.Threads[0];
            capture.Threads[0] = new ThreadInfo
            {
                Tid = crashing.Tid, ProgramCounter = ip, StackPointer = sp, IsCrashing = true, Signal = crashing.Signal, Location = crashing.Location,
            };
        }
        else if (capture.Threads.Count == 0 && capture.Pid is { } pid)
        {
            capture.Threads.Add(new ThreadInfo { Tid = pid, ProgramCounter = ip, StackPointer = sp, IsCrashing = true, Signal = capture.Signal.Number });
        }
        if (withMapping && ulong.TryParse(kernel.Groups["base"].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
            && ulong.TryParse(kernel.Groups["size"].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size)
            && size > 0 && start <= ulong.MaxValue - size)
        {
            var file = kernel.Groups["file"].Value;
            capture.Regions.Add(new Region(start, start + size) { Name = file, NameIsBasename = !file.Contains('/', StringComparison.Ordinal) });
        }
    }

    /// <summary>The fault address the line states.</summary>
    public static ulong Address(Match kernel) =>
        ulong.Parse(kernel.Groups["addr"].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>The first fault line of each PID among <paramref name="lines"/>.</summary>
    public static Dictionary<int, Match> ByPid(string[] lines)
    {
        var found = new Dictionary<int, Match>();
        foreach (var line in lines)
        {
            if (line.Contains("segfault at", StringComparison.Ordinal) && Pattern().Match(line) is { Success: true } kernel
                && int.TryParse(kernel.Groups["pid"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                found.TryAdd(pid, kernel);
        }
        return found;
    }

    [GeneratedRegex(@"(?<comm>\S+)\[(?<pid>\d{1,9})\]: segfault at (?<addr>[0-9a-f]{1,16}) ip (?<ip>[0-9a-f]{1,16}) sp (?<sp>[0-9a-f]{1,16}) error (?<error>\d+)(?: cpu \d+)? in (?<file>[^\[\s]+)\[(?<base>[0-9a-f]{1,16})\+(?<size>[0-9a-f]{1,16})\]", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

using System.Globalization;
using System.Text.RegularExpressions;
using Forensics.Importers.Budget;
using Forensics.Importers.Text;
using Forensics.Model;

namespace Forensics.Importers.Containers.Abrt;

/// <summary>
/// Imports an ABRT (libreport) problem directory as one capture: its <c>maps</c> as a maps capture of the same process
/// instance as its <c>coredump</c>, merged with their disagreements listed, and its one-line items as facts
/// (docs/formats.md#abrt-problem-directories). The items arrive read and bounded; the core arrives imported.
/// </summary>
public static partial class AbrtImporter
{
    /// <summary>The one-line items shown as facts, in this order; libreport's FILENAME_* names.</summary>
    private static readonly string[] FactItems =
    [
        "type", "analyzer", "reason", "executable", "cmdline", "pid", "tid", "uid", "username", "time", "last_occurrence", "count",
        "package", "component", "kernel", "architecture", "os_release", "hostname", "crash_function", "abrt_version",
    ];

    /// <summary>Every item the importer reads: the facts, and <c>maps</c>, <c>core_backtrace</c>, <c>var_log_messages</c>.</summary>
    public static IReadOnlySet<string> ItemNames { get; } = new HashSet<string>([.. FactItems, "maps", "core_backtrace", "var_log_messages"], StringComparer.Ordinal);

    /// <summary>A fact longer than this is cut (a cmdline can be long).</summary>
    private const int MaxFactLength = 512;

    /// <summary>
    /// The capture of the problem directory whose items (name → text) are <paramref name="items"/> and whose
    /// <c>coredump</c>, when it had one, is <paramref name="core"/>.
    /// </summary>
    public static CaptureBuilder Import(IReadOnlyDictionary<string, string> items, CaptureBuilder? core, string inputPath, ReadBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(inputPath);
        var diagnostics = new DiagnosticBag();
        var maps = items.TryGetValue("maps", out var mapsText) ? ReadMaps(mapsText, inputPath, budget ?? ReadBudget.Unlimited, diagnostics) : null;
        var capture = ContainerCapture.Combine(maps, core, inputPath, CaptureFormat.Abrt);
        var parts = string.Join(" + ", new[] { maps is null ? null : "maps", core is null ? null : "core" }.OfType<string>());
        capture.Variant = (items.GetValueOrDefault("type") is { Length: > 0 } type ? OneLine(type) + ": " : "") + (parts.Length > 0 ? parts : "items only");
        capture.Diagnostics.AddRange(diagnostics.Items);
        AddFacts(capture, items);
        ApplyStated(capture, items);
        return capture;
    }

    private static CaptureBuilder? ReadMaps(string text, string inputPath, ReadBudget budget, DiagnosticBag diagnostics)
    {
        if (text.Length == 0)
            return null;
        var maps = TextCaptureParsers.Parse(CaptureFormat.Maps, text, 1, budget);
        if (!text.EndsWith('\n'))
        {
            var lines = text.Count(c => c == '\n') + 1;
            diagnostics.Warning(DiagnosticCatalogue.AbrtMapsCut, SourceLocation.AtLine(lines), string.Create(CultureInfo.InvariantCulture,
                $"the maps item ends inside line [{lines}], at byte [{text.Length}]: it was cut (maps collected through the journal stop at its field limit), so mappings past it are missing"));
        }
        if (maps.Regions.Count == 0)
            return null;
        maps.InputPath = inputPath;
        return maps;
    }

    private static void AddFacts(CaptureBuilder capture, IReadOnlyDictionary<string, string> items)
    {
        foreach (var name in FactItems)
        {
            if (items.TryGetValue(name, out var value) && OneLine(value) is { Length: > 0 } line)
                capture.Facts.Add(new CaptureFact(name, line));
        }
        if (items.TryGetValue("time", out var time) && long.TryParse(time.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds <= 253402300799)
            capture.Facts.Add(new CaptureFact("time (UTC)", DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));
    }

    /// <summary>What the items state of the process, where the core did not already say it (or disagrees).</summary>
    private static void ApplyStated(CaptureBuilder capture, IReadOnlyDictionary<string, string> items)
    {
        if (items.TryGetValue("pid", out var pidText) && int.TryParse(pidText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            Agree(capture, "pid", capture.Pid ?? capture.Process?.Pid, pid, () => capture.Pid = pid);
        if (items.TryGetValue("executable", out var executable) && OneLine(executable) is { Length: > 0 } path)
            capture.ProcessName ??= Path.GetFileName(path);
        if (items.TryGetValue("cmdline", out var commandLine) && OneLine(commandLine) is { Length: > 0 } command)
            capture.CommandLine ??= command;

        var backtrace = items.TryGetValue("core_backtrace", out var backtraceText)
            ? CoreBacktraceParser.Parse(backtraceText, capture.Diagnostics) : (Signal: null, Frames: []);
        for (var index = 0; index < backtrace.Frames.Count; index++)
            capture.Facts.Add(new CaptureFact(string.Create(CultureInfo.InvariantCulture, $"core_backtrace #{index}"), backtrace.Frames[index]));
        var reason = items.GetValueOrDefault("reason");
        var signal = backtrace.Signal
            ?? (reason is not null && ReasonSignal().Match(reason) is { Success: true } match
                ? int.Parse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture) : null);
        if (signal is { } number and >= 1 and <= 64)
            Agree(capture, "signal", capture.Signal?.Number, number, () => capture.Signal = new SignalInfo { Number = number, ThreadId = capture.Pid });

        if (items.TryGetValue("var_log_messages", out var messages) && KernelLine(capture, messages) is { } kernel)
        {
            if (capture.Signal?.FaultAddress is null)
                KernelFaultLine.Apply(capture, kernel, withMapping: capture.Regions.Count == 0);
            else
                capture.Facts.Add(new CaptureFact("Kernel", kernel.Value.Trim()));
        }
    }

    /// <summary>
    /// The kernel's fault line of this process in the log excerpt: by PID, or without one (abrt 2.0 wrote no
    /// <c>pid</c> item) the only line whose comm is the executable's name (cut at TASK_COMM_LEN - 1 = 15), whose PID
    /// it then gives.
    /// </summary>
    private static Match? KernelLine(CaptureBuilder capture, string messages)
    {
        var lines = KernelFaultLine.ByPid(messages.Split('\n'));
        if (capture.Pid is { } pid)
            return lines.GetValueOrDefault(pid);
        var name = capture.ProcessName is { } process ? process[..Math.Min(15, process.Length)] : null;
        var matching = lines.Where(l => l.Value.Groups["comm"].Value == name).ToList();
        if (matching.Count != 1)
            return null;
        capture.Pid = matching[0].Key;
        return matching[0].Value;
    }

    private static void Agree(CaptureBuilder capture, string what, int? known, int stated, Action set)
    {
        if (known is null)
            set();
        else if (known != stated)
            capture.Diagnostics.Warning(DiagnosticCatalogue.AbrtDisagrees, SourceLocation.None, string.Create(CultureInfo.InvariantCulture,
                $"the problem directory's {what} is [{stated}], the core's [{known}]"));
    }

    /// <summary>The item's first line, trimmed and cut at <see cref="MaxFactLength"/>.</summary>
    private static string OneLine(string value)
    {
        var line = value.Split('\n', 2)[0].Trim();
        return line.Length <= MaxFactLength ? line : line[..MaxFactLength] + "…";
    }

    // abrt-hook-ccpp (abrt 2.0): "Process /bin/sleep was killed by signal 11 (SIGSEGV)".
    [GeneratedRegex(@"killed by signal (?<number>\d{1,2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReasonSignal();
}

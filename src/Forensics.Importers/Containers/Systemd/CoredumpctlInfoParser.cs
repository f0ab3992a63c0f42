using System.Globalization;
using System.Text.RegularExpressions;
using Forensics.Importers.Budget;
using Forensics.Model;
using CaptureBuilder = Forensics.Model.CaptureBuilder;

namespace Forensics.Importers.Containers.Systemd;

/// <summary>
/// Finds the records that <c>coredumpctl info</c> and <c>coredumpctl debug</c> print (docs/formats.md#coredumpctl-info)
/// in a text and makes each a capture: PID, command, signal, command line and the other fields as facts, the modules
/// in their three styles, the stack traces as threads, and the kernel's <c>segfault at</c> line for the same PID as
/// the fault address and the mapping it names.
/// </summary>
public static partial class CoredumpctlInfoParser
{
    /// <summary>The fields kept as facts, under one name whichever systemd version printed them.</summary>
    private static readonly Dictionary<string, string> FactNames = new(StringComparer.Ordinal)
    {
        ["UID"] = "UID", ["GID"] = "GID", ["Timestamp"] = "Timestamp", ["Executable"] = "Executable", ["Unit"] = "Unit",
        ["Boot ID"] = "Boot ID", ["Machine ID"] = "Machine ID", ["Hostname"] = "Hostname", ["Storage"] = "Storage",
        // systemd 248 renamed "Disk Size" to "Size on Disk".
        ["Disk Size"] = "Size on Disk", ["Size on Disk"] = "Size on Disk", ["Package"] = "Package", ["build-id"] = "build-id",
    };

    private static readonly HashSet<string> Fields =
    [
        "PID", "UID", "GID", "Signal", "Timestamp", "Command Line", "Executable", "Control Group", "Unit", "User Unit", "Slice",
        "Session", "Owner UID", "Boot ID", "Machine ID", "Hostname", "Storage", "Disk Size", "Size on Disk", "Package", "build-id",
        "Message", "Coredump", "Comm",
    ];

    /// <summary>
    /// The captures of every record in <paramref name="text"/>: a <c>PID: N (comm)</c> line followed within a few lines
    /// by <c>Signal: N (NAME)</c>, with their line ranges; none when there is no record. The lines are counted under
    /// <paramref name="budget"/> (none: <see cref="ReadBudget.Unlimited"/>).
    /// </summary>
    public static IReadOnlyList<CaptureBuilder> Parse(string text, ReadBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        budget ??= ReadBudget.Unlimited;
        var lines = text.Split('\n');
        var kernelLines = KernelFaultLine.ByPid(lines);
        var captures = new List<CaptureBuilder>();
        for (var index = 0; index < lines.Length; index++)
        {
            if (index % ReadBudget.LinesPerCheck == 0)
                budget.CheckAtLine(index + 1);
            if (PidLine().Match(lines[index]) is not { Success: true } pid || !SignalFollows(lines, index))
                continue;
            var end = RecordEnd(lines, index);
            captures.Add(Record(lines, index, end, pid, kernelLines));
            index = end - 1;
        }
        return captures;
    }

    private static bool SignalFollows(string[] lines, int pidLine)
    {
        for (var index = pidLine + 1; index < Math.Min(lines.Length, pidLine + 6); index++)
        {
            if (SignalLine().IsMatch(lines[index]))
                return true;
        }
        return false;
    }

    /// <summary>The index after the record's last line: before the next PID line or the first unindented line that is no field.</summary>
    private static int RecordEnd(string[] lines, int pidLine)
    {
        for (var index = pidLine + 1; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            if (PidLine().IsMatch(line))
                return index;
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && !(FieldLine().Match(line) is { Success: true } field && Fields.Contains(field.Groups["key"].Value)))
                return index;
        }
        return lines.Length;
    }

    private static CaptureBuilder Record(string[] lines, int first, int end, Match pid, Dictionary<int, Match> kernelLines)
    {
        var capture = new CaptureBuilder { Format = CaptureFormat.Coredumpctl, Variant = "coredumpctl info" };
        var last = end;
        while (last > first + 1 && lines[last - 1].Trim().Length == 0)
            last--;
        capture.LineRange = (first + 1, last);
        capture.Pid = int.TryParse(pid.Groups["pid"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
        capture.ProcessName = pid.Groups["comm"].Value;
        ThreadDraft? thread = null;
        var threads = new List<ThreadDraft>();
        for (var index = first + 1; index < last; index++)
        {
            var line = lines[index].TrimEnd('\r');
            if (StackLine().Match(line) is { Success: true } stack)
            {
                thread = new ThreadDraft(int.Parse(stack.Groups["tid"].Value, NumberStyles.None, CultureInfo.InvariantCulture));
                threads.Add(thread);
            }
            else if (FrameLine().Match(line) is { Success: true } frame && thread is not null)
            {
                thread.Frames.Add(frame.Groups["frame"].Value.Trim());
                if (thread.Frames.Count == 1)
                    thread.ProgramCounter = ulong.Parse(frame.Groups["pc"].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            }
            else if (ModuleLine().Match(line) is { Success: true } module)
            {
                capture.Facts.Add(new CaptureFact("Module " + module.Groups["name"].Value, module.Groups["what"].Value.TrimEnd('.')));
            }
            else if (ArchitectureLine().Match(line) is { Success: true } architecture)
            {
                capture.Architecture = architecture.Groups["arch"].Value switch
                {
                    "AMD x86-64" => Architecture.X86_64, "Intel 80386" => Architecture.X86, _ => capture.Architecture,
                };
                capture.ArchitectureEvidence.Add($"coredumpctl: ELF object binary architecture [{architecture.Groups["arch"].Value}]");
            }
            else if (FieldLine().Match(line) is { Success: true } field)
            {
                AddField(capture, field.Groups["key"].Value, field.Groups["value"].Value.Trim());
            }
        }
        foreach (var draft in threads)
        {
            capture.Threads.Add(new ThreadInfo
            {
                Tid = draft.Tid, ProgramCounter = draft.ProgramCounter, IsCrashing = ReferenceEquals(draft, threads[0]),
                Signal = ReferenceEquals(draft, threads[0]) ? capture.Signal?.Number ?? 0 : 0,
                Location = SourceLocation.AtLine(first + 1),
            });
            capture.Facts.Add(new CaptureFact(string.Create(CultureInfo.InvariantCulture, $"Stack trace of thread {draft.Tid}"), string.Join(" | ", draft.Frames)));
        }
        if (capture.Pid is { } recordPid && kernelLines.TryGetValue(recordPid, out var kernel))
            KernelFaultLine.Apply(capture, kernel);
        return capture;
    }

    private static void AddField(CaptureBuilder capture, string key, string value)
    {
        switch (key)
        {
            case "Signal" when SignalLine().Match("Signal: " + value) is { Success: true } signal:
                capture.Signal = new SignalInfo { Number = int.Parse(signal.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture), ThreadId = capture.Pid };
                capture.Facts.Add(new CaptureFact("Signal", value));
                break;
            case "Command Line":
                capture.CommandLine = value;
                break;
            default:
                if (FactNames.TryGetValue(key, out var name))
                    capture.Facts.Add(new CaptureFact(name, value));
                break;
        }
    }

    private sealed class ThreadDraft(int tid)
    {
        public int Tid { get; } = tid;
        public ulong ProgramCounter { get; set; }
        public List<string> Frames { get; } = [];
    }

    [GeneratedRegex(@"^\s*PID: (?<pid>\d{1,9}) \((?<comm>.*)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PidLine();

    [GeneratedRegex(@"^\s*Signal: (?<number>\d{1,2}) \((?<name>[A-Z0-9+]+)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SignalLine();

    [GeneratedRegex(@"^\s*(?<key>[A-Za-z][A-Za-z -]{0,20}): (?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"^\s*Stack trace of thread (?<tid>\d{1,9}):\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex StackLine();

    [GeneratedRegex(@"^\s*(?<frame>#\d{1,5}\s+0x(?<pc>[0-9a-f]{1,16})\s.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex FrameLine();

    // The three styles: "with build-id ID", "from rpm PACKAGE" (systemd 249+ with package notes), "without build-id.".
    [GeneratedRegex(@"^\s*Module (?<name>\S+) (?<what>with build-id [0-9a-f]+|from \S+ \S+|without build-id\.?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ModuleLine();

    [GeneratedRegex(@"^\s*ELF object binary architecture: (?<arch>.+?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ArchitectureLine();
}

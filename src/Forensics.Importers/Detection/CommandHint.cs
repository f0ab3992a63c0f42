using System.Globalization;
using System.Text.RegularExpressions;

namespace Forensics.Importers.Detection;

/// <summary>
/// What a shell prompt, a gdb prompt or a heading above a pasted capture says of the process:
/// <c>$ cat /proc/4242/maps</c>, <c>$ pmap -x 1234</c>, <c>gdb -p 5150</c>, <c>3117:   /usr/bin/bash --login</c>.
/// </summary>
public sealed partial record CommandHint(int? Pid, string? ProcessName, string? CommandLine, int Line)
{
    /// <summary>Reads a hint from one line (prompt, prose or header); null when the line names no process.</summary>
    public static CommandHint? FromLine(ReadOnlySpan<char> line, int lineNumber)
    {
        var text = line.Trim().ToString();
        if (text.Length == 0)
            return null;

        var header = PmapHeader().Match(text);
        if (header.Success)
        {
            var commandLine = header.Groups["command"].Value.TrimEnd();
            return new CommandHint(ParsePid(header.Groups["pid"].Value), ProcessNameOf(commandLine), commandLine, lineNumber);
        }

        var command = Prompt().Match(text) is { Success: true } prompt ? prompt.Groups["command"].Value : null;
        var proc = ProcFile().Match(text);
        if (proc.Success)
        {
            if (proc.Groups["pid"].Value != "self")
                return new CommandHint(ParsePid(proc.Groups["pid"].Value), null, null, lineNumber);
            // /proc/self is the process that reads it: `cat /proc/self/maps` shows cat's own layout.
            return command is null ? null : new CommandHint(null, ProgramOf(command), null, lineNumber);
        }
        foreach (var pattern in new[] { PmapCommand(), GdbCommand() })
        {
            var match = pattern.Match(text);
            if (match.Success)
                return new CommandHint(ParsePid(match.Groups["pid"].Value), null, null, lineNumber);
        }
        return null;
    }

    /// <summary>
    /// A shell or gdb prompt (<c>$ </c>, <c># </c>, <c>user@host:~$ </c>, <c>[root@host ~]# </c>, <c>(gdb) </c>):
    /// never part of a capture, so it always ends one.
    /// </summary>
    public static bool IsPrompt(ReadOnlySpan<char> line) => Prompt().IsMatch(line.Trim());

    private static int? ParsePid(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;

    /// <summary>The program a command runs, without <c>sudo</c> and directories.</summary>
    private static string? ProgramOf(string command)
    {
        foreach (var word in command.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word is "sudo" or "doas" or "exec" or "command" || word.StartsWith('-'))
                continue;
            return ProcessNameOf(word);
        }
        return null;
    }

    private static string? ProcessNameOf(string commandLine)
    {
        var first = commandLine.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (first is null)
            return null;
        var name = first[(first.LastIndexOf('/') + 1)..];
        // A login shell's argv[0] starts with '-' (`-zsh`).
        return name.Length > 1 && name[0] == '-' ? name[1..] : name.Length == 0 ? null : name;
    }

    [GeneratedRegex(@"^(?:\(gdb\)|(?:\[[^\]]*\]|[\w.-]+@[\w.-]+(?::[^$#%]*)?)?[$#%])\s+(?<command>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Prompt();

    // procps prints "PID:   command line" above every pmap listing (docs/formats.md#pmap-procps-ng-4x); writers copy it above other pastes.
    [GeneratedRegex(@"^(?<pid>\d{1,9}):\s+(?<command>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PmapHeader();

    [GeneratedRegex(@"/proc/(?<pid>\d{1,9}|self)/(?:task/\d+/)?(?:smaps_rollup|smaps|maps)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ProcFile();

    [GeneratedRegex(@"\bpmap(?:\s+-{1,2}[A-Za-z]+)*\s+(?<pid>\d{1,9})\b", RegexOptions.CultureInvariant)]
    private static partial Regex PmapCommand();

    [GeneratedRegex(@"(?:\bgdb\b.*?(?:\s-p\s*|\s--pid[= ])|\battach\s+|^process\s+)(?<pid>\d{1,9})\b", RegexOptions.CultureInvariant)]
    private static partial Regex GdbCommand();
}

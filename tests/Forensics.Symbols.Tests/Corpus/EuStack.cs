using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Forensics.Symbols.Tests.Corpus;

/// <summary>
/// elfutils' <c>eu-stack</c> run on a core: its frames by thread (PC and function, null where it has no symbol). It
/// finds a module's file by the core's path, else by build-id under <c>--debuginfo-path</c>'s <c>.build-id/xx/rest</c>.
/// </summary>
public static partial class EuStack
{
    public static Dictionary<int, List<(ulong Pc, string? Function)>> Run(string core, string debuginfoPath)
    {
        var start = new ProcessStartInfo("eu-stack")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -n 0: every frame (the deep recursion has 7,942).
        foreach (var argument in new[] { "--core", core, "--debuginfo-path", debuginfoPath, "-n", "0" })
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("eu-stack did not start");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException("eu-stack is not installed (Debian package elfutils; .ci/run installs it)", error);
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            // 0: every frame shown; 1: frames shown with a warning (a module without CFI at the outermost frame).
            if (process.ExitCode > 1)
                throw new InvalidOperationException($"eu-stack exited with {process.ExitCode}: {error.Result}");
            return Parse(output);
        }
    }

    public static Dictionary<int, List<(ulong Pc, string? Function)>> Parse(string text)
    {
        var threads = new Dictionary<int, List<(ulong, string?)>>();
        List<(ulong, string?)>? current = null;
        foreach (var line in text.Split('\n'))
        {
            if (ThreadLine().Match(line) is { Success: true } thread)
            {
                current = [];
                threads[int.Parse(thread.Groups[1].Value, CultureInfo.InvariantCulture)] = current;
            }
            else if (current is not null && FrameLine().Match(line) is { Success: true } frame)
            {
                var function = frame.Groups[2].Value.Trim();
                current.Add((ulong.Parse(frame.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture), function.Length == 0 ? null : function));
            }
        }
        return threads;
    }

    [GeneratedRegex(@"^TID (\d+):$")]
    private static partial Regex ThreadLine();

    [GeneratedRegex(@"^#\d+\s+0x([0-9a-f]+)(.*)$")]
    private static partial Regex FrameLine();
}

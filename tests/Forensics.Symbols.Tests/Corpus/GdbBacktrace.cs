using System.Globalization;
using System.Text.RegularExpressions;

namespace Forensics.Symbols.Tests.Corpus;

/// <summary>
/// The frames of <c>gdb -ex 'thread apply all bt'</c> by LWP: PC (gdb leaves it out of a frame 0 at the start of a
/// line) and function (<c>??</c> where gdb has no symbol).
/// </summary>
public static partial class GdbBacktrace
{
    public static Dictionary<int, List<(ulong? Pc, string Function)>> Parse(string text)
    {
        var threads = new Dictionary<int, List<(ulong?, string)>>();
        List<(ulong?, string)>? current = null;
        foreach (var line in text.Split('\n'))
        {
            if (ThreadLine().Match(line) is { Success: true } thread)
            {
                current = [];
                threads[int.Parse(thread.Groups[1].Value, CultureInfo.InvariantCulture)] = current;
                continue;
            }
            if (current is not null && FrameLine().Match(line) is { Success: true } frame)
            {
                ulong? pc = frame.Groups[1].Success ? ulong.Parse(frame.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture) : null;
                current.Add((pc, frame.Groups[2].Value));
            }
        }
        return threads;
    }

    [GeneratedRegex(@"^Thread \d+ \(.*LWP (\d+)\)\)?:")]
    private static partial Regex ThreadLine();

    [GeneratedRegex(@"^#\d+\s+(?:0x([0-9a-f]+) in )?(\S+)")]
    private static partial Regex FrameLine();
}

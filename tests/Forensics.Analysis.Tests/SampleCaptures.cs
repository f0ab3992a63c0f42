using System.Globalization;
using System.Text.Json;
using Forensics.Importers.Normalisation;
using Forensics.Importers.Text;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Analysis.Tests;

/// <summary>Captures made from the corpus captures the way the pipeline makes them: parsed, then normalised.</summary>
internal static class SampleCaptures
{
    public static Capture Text(CaptureFormat format, string id, params string[] path) =>
        CaptureNormalizer.Normalize(TextBuilder(format, id, path));

    public static Capture FromText(CaptureFormat format, string id, string text) => CaptureNormalizer.Normalize(Builder(format, id, text));

    /// <summary>The corpus capture as parsed, before normalisation.</summary>
    public static CaptureBuilder TextBuilder(CaptureFormat format, string id, params string[] path) =>
        Builder(format, id, SampleFile.ReadAllText(TestPaths.CorpusFile(path)));

    /// <summary>The text as parsed, before normalisation.</summary>
    public static CaptureBuilder Builder(CaptureFormat format, string id, string text)
    {
        var capture = TextCaptureParsers.Parse(format, text);
        capture.Id = id;
        capture.InputPath = id;
        return capture;
    }

    /// <summary>
    /// The lines of a maps text with each region moved by the shift of the first area (<c>[From, To)</c>) its start
    /// lies in, as another run under ASLR places the program, the mmap area and the stack independently.
    /// </summary>
    public static string ShiftMaps(string text, params (ulong From, ulong To, long Shift)[] areas) =>
        string.Join('\n', text.Split('\n').Select(line =>
        {
            var dash = line.IndexOf('-', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash <= 0 || space <= dash)
                return line;
            var start = ulong.Parse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var end = ulong.Parse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            foreach (var (from, to, shift) in areas)
            {
                if (start < from || start >= to)
                    continue;
                var format = "x" + dash.ToString(CultureInfo.InvariantCulture);
                return ((ulong)((long)start + shift)).ToString(format, CultureInfo.InvariantCulture) + "-"
                    + ((ulong)((long)end + shift)).ToString(format, CultureInfo.InvariantCulture) + line[space..];
            }
            return line;
        }));

    /// <summary>
    /// The signal and threads a set's kernel core holds, as <c>facts.json</c> records them (computed from the core
    /// and checked against gdb), attached to the maps the crashing process wrote of itself.
    /// </summary>
    public static Capture CrashedMaps(string set, string coreFile)
    {
        var capture = TextBuilder(CaptureFormat.Maps, set + "/maps", "sets", set, "maps");
        using var facts = JsonDocument.Parse(File.ReadAllText(TestPaths.CorpusFile("sets", set, "facts.json")));
        var core = facts.RootElement.GetProperty("cores").EnumerateArray()
            .First(c => c.GetProperty("file").GetString() == coreFile);
        var pid = core.GetProperty("prpsinfo_pid").GetInt32();
        var siginfo = core.GetProperty("siginfo");
        var code = siginfo.GetProperty("si_code").GetInt32();
        var field = Hex(siginfo.GetProperty("si_addr_or_pid_uid").GetString()!);
        capture.Pid = pid;
        capture.Format = CaptureFormat.Core;
        capture.Signal = new SignalInfo
        {
            Number = siginfo.GetProperty("si_signo").GetInt32(),
            Code = code,
            // The first word of the union is si_addr for faults and si_pid (si_uid after it) for sent signals.
            FaultAddress = code > 0 ? field : null,
            SenderPid = code <= 0 ? (int)(field & 0xffffffff) : null,
        };
        var first = true;
        foreach (var thread in core.GetProperty("threads_from_prstatus").EnumerateArray())
        {
            capture.Threads.Add(new ThreadInfo
            {
                Tid = thread.GetProperty("pid").GetInt32(),
                Signal = thread.GetProperty("cursig").GetInt32(),
                ProgramCounter = Hex(thread.GetProperty("rip").GetString()!),
                StackPointer = Hex(thread.GetProperty("rsp").GetString()!),
                IsCrashing = first,
            });
            first = false;
        }
        return CaptureNormalizer.Normalize(capture);
    }

    private static ulong Hex(string text) =>
        ulong.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}

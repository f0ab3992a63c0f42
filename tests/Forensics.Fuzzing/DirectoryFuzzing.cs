using System.Text;
using Forensics.Pipeline;
using Forensics.Pipeline.Importing;
using Forensics.Pipeline.Tests;

namespace Forensics.Fuzzing;

/// <summary>
/// The batch runner over a directory that the input describes: files, folders, symbolic links (to another entry, to
/// a folder above, out of the tree, to themselves, to nothing) and FIFOs, with names of any character a Linux file
/// name may hold. Listing, importing, merging and analysing must end, whatever the tree; a FIFO must never be opened.
/// </summary>
internal static class DirectoryFuzzing
{
    private const int MaxEntries = 64;

    public static void ListAndAnalyse(byte[] bytes)
    {
        var root = Directory.CreateTempSubdirectory("forensics-fuzz-batch-").FullName;
        try
        {
            Build(root, bytes);
            var options = new PipelineOptions
            {
                Jobs = 1,
                Import = new ImportOptions { FileTimeLimit = TimeSpan.FromSeconds(1), FileAllocationLimit = 64 << 20, MaxTextBytes = 1 << 20 },
            };
            var run = AnalysisPipeline.Run(AnalysisPipeline.List([root], options.Import), options, new SilentProgress(), new PhaseTimings());
            foreach (var analysis in run.Captures)
                _ = analysis.Capture.Regions.Count;
        }
        finally
        {
            // Links are removed as links: Directory.Delete does not follow them.
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Reads entries until the input ends: a kind byte, a name (length byte, then bytes taken as Latin-1 so control,
    /// newline and escape characters appear in names), then the kind's own fields.
    /// </summary>
    private static void Build(string root, byte[] bytes)
    {
        var entries = new List<string> { root };
        var folder = root;
        var at = 0;
        byte Next() => at < bytes.Length ? bytes[at++] : (byte)0;
        while (at < bytes.Length && entries.Count < MaxEntries)
        {
            var kind = Next() % 6;
            var path = Path.Combine(folder, Name(bytes, ref at));
            // Path.Exists follows links, so a dangling link made earlier must be found by its own target.
            if (Path.Exists(path) || new FileInfo(path).LinkTarget is not null)
                continue;
            switch (kind)
            {
                case 0:
                    var length = Math.Min(Next() | (Next() << 8), bytes.Length - at);
                    File.WriteAllBytes(path, bytes.AsSpan(at, length).ToArray());
                    at += length;
                    break;
                case 1:
                    Directory.CreateDirectory(path);
                    folder = path;
                    break;
                case 2:
                    File.CreateSymbolicLink(path, LinkTarget(Next(), entries, path));
                    break;
                case 3:
                    if (Mkfifo(path, 0x1a4) != 0)
                        continue;
                    break;
                case 4:
                    folder = Path.GetDirectoryName(folder) is { } parent && parent.StartsWith(root, StringComparison.Ordinal) ? parent : root;
                    continue;
                default:
                    File.WriteAllText(path, SmallMaps);
                    break;
            }
            entries.Add(path);
        }
    }

    private static string LinkTarget(byte choice, List<string> entries, string self) => (choice % 6) switch
    {
        0 => entries[choice % entries.Count],
        1 => "..",
        2 => "/proc/self/maps",
        3 => self,
        4 => "/dev/zero",
        _ => "missing-" + choice,
    };

    private static string Name(byte[] bytes, ref int at)
    {
        var length = at < bytes.Length ? bytes[at++] % 24 : 0;
        length = Math.Min(length, bytes.Length - at);
        var name = new StringBuilder(length + 1);
        foreach (var b in bytes.AsSpan(at, length))
            name.Append(b is (byte)'/' or 0 ? '_' : (char)b);
        at += length;
        var text = name.ToString();
        return text is "" or "." or ".." ? "n" + text : text;
    }

    private const string SmallMaps = "55d0c0a00000-55d0c0a02000 r-xp 00000000 fe:01 1234 /usr/bin/cat\n"
        + "7ffd1c3e0000-7ffd1c401000 rw-p 00000000 00:00 0 [stack]\n";

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int Mkfifo(string path, uint mode);
}

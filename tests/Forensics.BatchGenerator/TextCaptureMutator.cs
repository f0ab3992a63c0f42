using System.Globalization;
using System.Text.RegularExpressions;

namespace Forensics.BatchGenerator;

/// <summary>
/// Makes a new capture from a real one: every user-space address slid by one page-aligned amount (offsets, inodes
/// and column widths kept), one heap or anonymous mapping grown or shrunk (pmap totals adjusted or, as happens when
/// a capture is edited by hand, left as they were), the PID and thread ids changed, the executable renamed and
/// library versions bumped. The text keeps the layout of its format, so it still reads as that format.
/// </summary>
internal static partial class TextCaptureMutator
{
    private const ulong PageSize = 0x1000;
    /// <summary>mmap_min_addr's usual value: nothing is mapped below it.</summary>
    private const ulong LowestAddress = 0x10000;
    /// <summary>The end of x86_64 user space with 4-level page tables (TASK_SIZE_MAX).</summary>
    private const ulong HighestAddress64 = 0x7ffffffff000;
    private const ulong HighestAddress32 = 0xfffff000;
    /// <summary>Kernel addresses ([vsyscall]) are fixed and never slid.</summary>
    private const ulong KernelStart = 0xffff800000000000;

    private static readonly string[] ProgramSuffixes = ["api", "worker", "batch", "agent", "cron", "edge", "sync", "proxy"];
    private static readonly string[] ProgramFolders = ["/tmp/forensics-corpus/bin/", "/opt/service/bin/", "/usr/local/bin/", "/srv/app/bin/"];

    [GeneratedRegex(@"^\s*(?<pid>\d+):(?<gap>\s+)(?<command>\S.*)$")]
    private static partial Regex PmapHeader();

    // Where else a PID shows: gdb's "process N", "[New LWP N]" and "(process N) detached", and the commands pasted
    // above a capture in a ticket ("cat /proc/N/maps", "pmap -x N", "gdb -p N").
    [GeneratedRegex(@"\bprocess (?<pid>\d+)|\[New LWP (?<pid>\d+)\]|/proc/(?<pid>\d+)/|\bpmap(?: -\w+)* (?<pid>\d+)\b|\bgdb\b.* -p (?<pid>\d+)\b")]
    private static partial Regex ProcessId();

    [GeneratedRegex(@"^\s*total(?: kB)?\s+(?<kb>\d+)K?(?:\s|$)")]
    private static partial Regex PmapTotal();

    [GeneratedRegex(@"^\s*mapped: (?<kb>\d+)K\s+writeable/private: (?<private>\d+)K")]
    private static partial Regex PmapDeviceTotal();

    [GeneratedRegex(@"^\s*=+(?: =+)*\s*$")]
    private static partial Regex PmapExtendedRule();

    [GeneratedRegex(@"^\s*(?<kb>\d+)\s")]
    private static partial Regex PmapExtendedTotal();

    [GeneratedRegex(@"^\s*Size:\s+(?<kb>\d+) kB$")]
    private static partial Regex SmapsSize();

    [GeneratedRegex(@"/tmp/forensics-corpus/bin/(?<name>[\w.+-]+)")]
    private static partial Regex CorpusProgram();

    [GeneratedRegex(@"^(?<stem>lib[^/]*?\.so(?:\.\d+)+?)\.(?<last>\d+)$")]
    private static partial Regex VersionedLibrary();

    [GeneratedRegex(@"/(?<major>\d+)\.(?<minor>\d+)\.(?<patch>\d+)/")]
    private static partial Regex VersionFolder();

    public static string Mutate(string text, ref SplitMix64 random)
    {
        var endsWithNewline = text.EndsWith('\n');
        var lines = text.Split('\n').ToList();
        if (endsWithNewline)
            lines.RemoveAt(lines.Count - 1);
        var rows = RegionRowParser.Parse(lines);
        var edits = new LineEdits();

        var ends = rows.Select(r => r.End).ToArray();
        ResizeOneMapping(lines, rows, ends, edits, ref random);
        Slide(lines, rows, ends, edits, ref random);
        var names = new NameMutation(text, ref random);
        RenameAndRenumber(lines, rows, names, edits, ref random);

        edits.ApplyTo(lines);
        var result = string.Join('\n', lines);
        return endsWithNewline ? result + "\n" : result;
    }

    private static void ResizeOneMapping(List<string> lines, List<RegionRow> rows, ulong[] ends, LineEdits edits, ref SplitMix64 random)
    {
        var candidates = Enumerable.Range(0, rows.Count)
            .Where(i => rows[i].Perms.StartsWith("rw", StringComparison.Ordinal) && (rows[i].Anonymous || rows[i].Heap) && rows[i].Start < KernelStart)
            .ToList();
        if (candidates.Count == 0)
            return;
        var index = candidates[random.Next(candidates.Count)];
        var row = rows[index];
        var pages = (ulong)random.Between(1, 64);
        var smapsSizeLine = row.Layout == RowLayout.Maps && row.Line + 1 < lines.Count && SmapsSize().IsMatch(lines[row.Line + 1]) ? row.Line + 1 : -1;
        // A smaps block's Rss and the rest must stay within Size, so smaps regions only grow.
        var grow = smapsSizeLine >= 0 || random.Chance(50);
        ulong newEnd;
        if (grow)
        {
            newEnd = row.End + pages * PageSize;
            var next = index + 1 < rows.Count && rows[index + 1].Layout == row.Layout && rows[index + 1].Start > row.Start ? rows[index + 1].Start : ulong.MaxValue;
            if (newEnd > next)
                newEnd = next;
        }
        else
        {
            var size = (row.End - row.Start) / PageSize;
            newEnd = size > 1 ? row.End - Math.Min(pages, size - 1) * PageSize : row.End;
        }
        if (newEnd == row.End)
            return;
        ends[index] = newEnd;
        var deltaKilobytes = ((long)newEnd - (long)row.End) / 1024;
        var line = lines[row.Line];
        switch (row.Layout)
        {
            case RowLayout.Gdb:
                edits.ReplaceRightAligned(row.Line, line, row.SizeField!.Value, "0x" + (newEnd - row.Start).ToString("x", CultureInfo.InvariantCulture));
                break;
            case RowLayout.PmapPadded:
            case RowLayout.PmapExtended:
                edits.ReplaceRightAligned(row.Line, line, row.SizeField!.Value, ((newEnd - row.Start) / 1024).ToString(CultureInfo.InvariantCulture));
                // Half the time the totals are left as printed: a hand-edited or spliced capture does not add up.
                if (random.Chance(50))
                    AdjustPmapTotals(lines, row, deltaKilobytes, edits);
                break;
            case RowLayout.Maps when smapsSizeLine >= 0:
                var size = SmapsSize().Match(lines[smapsSizeLine]).Groups["kb"];
                edits.ReplaceRightAligned(smapsSizeLine, lines[smapsSizeLine], new TextField(size.Index, size.Length),
                    ((newEnd - row.Start) / 1024).ToString(CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void AdjustPmapTotals(List<string> lines, RegionRow row, long deltaKilobytes, LineEdits edits)
    {
        for (var line = row.Line + 1; line < lines.Count; line++)
        {
            var text = lines[line];
            var match = row.Layout == RowLayout.PmapExtended
                ? PmapExtendedRule().IsMatch(text) && line + 1 < lines.Count ? PmapExtendedTotal().Match(lines[++line]) : Match.Empty
                : PmapTotal().Match(text);
            if (match.Success)
            {
                var kb = match.Groups["kb"];
                var value = long.Parse(kb.ValueSpan, CultureInfo.InvariantCulture) + deltaKilobytes;
                edits.ReplaceRightAligned(line, lines[line], new TextField(kb.Index, kb.Length), value.ToString(CultureInfo.InvariantCulture));
                return;
            }
            match = PmapDeviceTotal().Match(text);
            if (match.Success)
            {
                // pmap -d separates its footer figures by blanks, not columns; the anonymous mapping is private and writable.
                foreach (var name in new[] { "private", "kb" })
                {
                    var group = match.Groups[name];
                    var value = long.Parse(group.ValueSpan, CultureInfo.InvariantCulture) + deltaKilobytes;
                    edits.Replace(line, group.Index, group.Length, value.ToString(CultureInfo.InvariantCulture));
                }
                return;
            }
        }
    }

    private static void Slide(List<string> lines, List<RegionRow> rows, ulong[] ends, LineEdits edits, ref SplitMix64 random)
    {
        if (rows.Count == 0)
            return;
        var highest = rows.Any(r => r.Start < KernelStart && r.Start >= 0x1_0000_0000) ? HighestAddress64 : HighestAddress32;
        long low = long.MinValue, high = long.MaxValue;
        void Limit(ulong value, ulong min, ulong max)
        {
            low = Math.Max(low, (long)min - (long)value);
            high = Math.Min(high, (long)max - (long)value);
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Start >= KernelStart)
                continue;
            var (min, max) = Bounds(row, row.StartField, row.Start);
            Limit(row.Start, Math.Max(min, LowestAddress), Math.Min(max, highest));
            var (endMin, endMax) = row.EndField is { } endField ? Bounds(row, endField, ends[i]) : (0UL, ulong.MaxValue);
            Limit(ends[i], Math.Max(endMin, LowestAddress), Math.Min(endMax, highest));
        }
        var lowPages = low >= 0 ? (low + 0xfff) / 0x1000 : low / 0x1000;
        var highPages = high >= 0 ? high / 0x1000 : (high - 0xfff) / 0x1000;
        if (highPages < lowPages)
            return;
        long slidePages;
        do
        {
            slidePages = random.Between(lowPages, highPages);
        }
        while (slidePages == 0 && lowPages != highPages);
        var slide = slidePages * (long)PageSize;

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Start >= KernelStart)
                continue;
            edits.Replace(row.Line, row.StartField, Hex((ulong)((long)row.Start + slide), row.StartField.Length));
            if (row.EndField is { } endField)
                edits.Replace(row.Line, endField, Hex((ulong)((long)ends[i] + slide), endField.Length));
        }
    }

    /// <summary>The values a field can take without changing its width: padded fields any, natural-width ones the same digit count.</summary>
    private static (ulong Min, ulong Max) Bounds(RegionRow row, TextField field, ulong value)
    {
        var digits = field.Length;
        var max = digits >= 16 ? ulong.MaxValue : (1UL << (4 * digits)) - 1;
        // maps prints at least 8 digits (%08lx, show_vma_header_prefix); pmap's default layouts pad to 16.
        var padded = row.Layout == RowLayout.PmapPadded || (row.Layout == RowLayout.Maps && digits == 8);
        var min = padded || digits <= 1 ? 0 : 1UL << (4 * (digits - 1));
        return value < min || value > max ? (value, value) : (min, max);
    }

    private static string Hex(ulong value, int digits) => value.ToString("x" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static void RenameAndRenumber(List<string> lines, List<RegionRow> rows, NameMutation names, LineEdits edits, ref SplitMix64 random)
    {
        var rowLines = rows.Select(r => r.Line).ToHashSet();
        long? oldPid = null;
        var newPid = random.Between(1000, 4_000_000);
        for (var line = 0; line < lines.Count; line++)
        {
            var text = lines[line];
            if (rowLines.Contains(line))
            {
                RenameLastToken(line, text, names, edits);
                continue;
            }
            var header = PmapHeader().Match(text);
            List<Group> pids = header.Success ? [header.Groups["pid"]] : ProcessId().Matches(text).Select(m => m.Groups["pid"]).ToList();
            foreach (var pidGroup in pids)
            {
                var pid = long.Parse(pidGroup.ValueSpan, CultureInfo.InvariantCulture);
                oldPid ??= pid;
                // Thread ids keep their distance from the PID, as the kernel hands them out in order.
                var renumbered = Math.Max(1, newPid + (pid - oldPid.Value));
                edits.Replace(line, pidGroup.Index, pidGroup.Length, renumbered.ToString(CultureInfo.InvariantCulture));
            }
            if (header.Success)
            {
                var command = header.Groups["command"];
                var renamed = string.Join(' ', command.Value.Split(' ').Select(names.Rename));
                if (renamed != command.Value)
                    edits.Replace(line, command.Index, command.Length, renamed);
            }
        }
    }

    private static void RenameLastToken(int line, string text, NameMutation names, LineEdits edits)
    {
        var end = text.TrimEnd().Length;
        const string Deleted = " (deleted)";
        var nameEnd = text.AsSpan(0, end).EndsWith(Deleted, StringComparison.Ordinal) ? end - Deleted.Length : end;
        var nameStart = text.LastIndexOf(' ', Math.Max(0, nameEnd - 1)) + 1;
        if (nameStart >= nameEnd)
            return;
        var token = text[nameStart..nameEnd];
        var renamed = names.Rename(token);
        if (renamed != token)
            edits.Replace(line, nameStart, nameEnd - nameStart, renamed);
    }

    /// <summary>How one capture's names change: the corpus program's name and folder, library and runtime versions.</summary>
    private sealed class NameMutation
    {
        private readonly string? _programPath;
        private readonly string? _programName;
        private readonly string? _newProgramPath;
        private readonly string? _newProgramName;
        private readonly int _versionBump;

        public NameMutation(string text, ref SplitMix64 random)
        {
            var program = CorpusProgram().Match(text);
            if (program.Success && random.Chance(70))
            {
                _programPath = program.Value;
                _programName = program.Groups["name"].Value;
                _newProgramName = _programName + "-" + ProgramSuffixes[random.Next(ProgramSuffixes.Length)] + random.Next(10).ToString(CultureInfo.InvariantCulture);
                _newProgramPath = ProgramFolders[random.Next(ProgramFolders.Length)] + _newProgramName;
            }
            _versionBump = random.Chance(50) ? random.Next(9) + 1 : 0;
        }

        public string Rename(string token)
        {
            if (_programPath is not null && token == _programPath)
                return _newProgramPath!;
            if (_programName is not null && token == _programName)
                return _newProgramName!;
            if (_versionBump == 0)
                return token;
            var slash = token.LastIndexOf('/');
            var folder = token[..(slash + 1)];
            var name = token[(slash + 1)..];
            var library = VersionedLibrary().Match(name);
            if (library.Success)
                name = library.Groups["stem"].Value + "." + (int.Parse(library.Groups["last"].ValueSpan, CultureInfo.InvariantCulture) + _versionBump).ToString(CultureInfo.InvariantCulture);
            folder = VersionFolder().Replace(folder, m => string.Create(CultureInfo.InvariantCulture,
                $"/{m.Groups["major"].Value}.{m.Groups["minor"].Value}.{int.Parse(m.Groups["patch"].ValueSpan, CultureInfo.InvariantCulture) + _versionBump}/"));
            return folder + name;
        }
    }
}

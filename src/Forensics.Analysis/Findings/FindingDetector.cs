using System.Globalization;
using Forensics.Analysis.Layout;
using Forensics.Analysis.Text;
using Forensics.Model;
using static Forensics.Analysis.Text.SentenceValues;

namespace Forensics.Analysis.Findings;

/// <summary>Applies the rules of <see cref="FindingRules"/> to one capture.</summary>
internal static class FindingDetector
{
    /// <summary>Libraries and executables of runtimes that generate code at run time, by basename prefix, the runtime's main library first.</summary>
    private static readonly string[] JitRuntimes =
        ["libcoreclr.so", "libclrjit.so", "libjvm.so", "libv8.so", "libnode.so", "node", "libmonosgen-2.0.so", "libmono-2.0.so", "libluajit"];

    private static readonly (string Prefix, FindingSeverity Severity)[] UnusualImageDirectories =
    [
        ("/dev/shm/", FindingSeverity.High), ("/tmp/", FindingSeverity.Medium), ("/var/tmp/", FindingSeverity.Medium),
        ("/home/", FindingSeverity.Low), ("/root/", FindingSeverity.Low),
    ];

    public static List<Finding> Detect(AddressMap map, NoAslrIndex others)
    {
        var jit = FindJitRuntime(map);
        // The named rules' regions, and the thread stacks whose guards are checked, are gathered in the one pass over
        // the regions (millions in a large maps), which two threads share when they are that many; the halves' lists
        // are joined in address order.
        var regions = map.Regions;
        var halves = RegionHalves.Run(RegionHalves.Middle(regions.Count), regions.Count, (start, end) => RegionRules.Apply(map, jit, start, end));
        var (findings, deleted, sharedCode, threadStacks) = halves[0];
        foreach (var half in halves.Skip(1))
        {
            findings.AddRange(half.Findings);
            deleted.AddRange(half.Deleted);
            sharedCode.AddRange(half.SharedCode);
            threadStacks.AddRange(half.ThreadStacks);
        }
        DeletedMappings(deleted, findings);
        ExecutableSharedMemory(sharedCode, jit, findings);
        UnusualImagePaths(map, findings);
        NonPie(map, findings);
        findings.AddRange(others.Find(map));
        MissingGuards(map, threadStacks, findings);
        MapCount(map, findings);
        findings.Sort(Compare);
        return Condense(findings);
    }

    /// <summary>What the rules that look at one region at a time find in the regions <c>[start, end)</c> of the map.</summary>
    private sealed record RegionRules(List<Finding> Findings, List<Region> Deleted, List<Region> SharedCode, List<Region> ThreadStacks)
    {
        public static RegionRules Apply(AddressMap map, string? jit, int start, int end)
        {
            var rules = new RegionRules([], [], [], []);
            foreach (var region in RegionSpan.Of(map.Regions)[start..end])
            {
                var kind = region.Kind;
                if (kind == RegionKind.ThreadStack)
                    rules.ThreadStacks.Add(region);
                var explainedBy = ExplainedBy(map, region, jit);
                WritableExecutable(region, kind, explainedBy, rules.Findings);
                AnonymousExecutable(region, kind, explainedBy, rules.Findings);
                ExecutableStack(region, kind, rules.Findings);
                if (region.Deleted && !IsNormalDeletedShm(region))
                    rules.Deleted.Add(region);
                if (IsExecutableSharedMemory(region))
                    rules.SharedCode.Add(region);
            }
            return rules;
        }
    }

    /// <summary>More findings than this of one rule, severity and name become one row that counts them.</summary>
    public const int MaxRowsAlike = 10;

    /// <summary>Addresses a condensed finding lists.</summary>
    private const int AddressesListed = 3;

    /// <summary>
    /// The same finding over many regions (thousands of identical mappings, a crafted core) is one row per rule, with
    /// the count, the first addresses and the range from the lowest start to the highest end, so that the findings grow
    /// with what is different, not with the input.
    /// </summary>
    private static List<Finding> Condense(List<Finding> sorted)
    {
        var groups = sorted.GroupBy(f => (f.Severity, f.Rule, f.Name)).ToList();
        if (groups.TrueForAll(g => g.Count() <= MaxRowsAlike))
            return sorted;
        var condensed = new List<Finding>();
        foreach (var group in groups)
        {
            var alike = group.ToList();
            if (alike.Count <= MaxRowsAlike)
            {
                condensed.AddRange(alike);
                continue;
            }
            var first = alike[0];
            var addresses = Sentence.Join(", ", alike.Take(AddressesListed).Select(f => f.Start is { } start ? Sentence.Of($"{Address(start)}") : Sentence.Words("?")));
            // The row's range spans every region it stands for, as a row for a group of mappings does.
            condensed.Add(first with
            {
                Start = alike.Min(f => f.Start),
                End = alike.Max(f => f.End),
                Message = Sentence.Of($"[{alike.Count}] regions alike, the first at {addresses}: {first.Message}"),
            });
        }
        condensed.Sort(Compare);
        return condensed;
    }

    public static int Compare(Finding a, Finding b)
    {
        var order = b.Severity.CompareTo(a.Severity);
        if (order == 0) order = string.CompareOrdinal(a.Rule, b.Rule);
        if (order == 0) order = Nullable.Compare(a.Start, b.Start);
        if (order == 0) order = string.CompareOrdinal(a.Name, b.Name);
        if (order == 0) order = a.Message.CompareTo(b.Message);
        return order;
    }

    /// <summary>The first JIT runtime image mapped, or the managed runtime ClrMD found; null without one.</summary>
    public static string? FindJitRuntime(AddressMap map)
    {
        if (map.Capture.Runtime is { } runtime)
            return runtime.Flavor + " " + runtime.Version;
        foreach (var prefix in JitRuntimes)
        {
            foreach (var module in map.Modules)
            {
                if (module.Name.StartsWith(prefix, StringComparison.Ordinal)
                    && (module.Name.Length == prefix.Length || module.Name[prefix.Length] is '.' or '-'))
                    return module.Name;
            }
        }
        return null;
    }

    /// <summary>
    /// The runtime that explains executable memory in <paramref name="region"/>, or null. Where ClrMD annotated the
    /// runtime it names each code heap, so only those regions are explained and any other executable anonymous
    /// region (code the program mapped itself, or injected) keeps its full severity.
    /// </summary>
    private static string? ExplainedBy(AddressMap map, Region region, string? jit)
    {
        if (jit is null || map.Capture.Runtime is null)
            return jit;
        return region.RuntimeRole is { IsRuntimeCode: true } role ? jit + " (its " + role + ")" : null;
    }

    /// <summary>Info for a code heap that ClrMD named, low where only a loaded JIT library explains it.</summary>
    private static FindingSeverity Expected(Region region) =>
        region.RuntimeRole is { IsRuntimeCode: true } ? FindingSeverity.Info : FindingSeverity.Low;

    private static void WritableExecutable(Region region, RegionKind kind, string? jit, List<Finding> findings)
    {
        // Stacks and the heap have their own rule (exec-stack), which says more.
        if (!region.Permissions.IsWritableAndExecutable || kind is RegionKind.Stack or RegionKind.ThreadStack or RegionKind.Heap)
            return;
        var what = region.IsAnonymous ? "anonymous memory" : "a mapping of " + region.DisplayName;
        findings.Add(At(region, FindingRules.WritableExecutable, jit is null ? FindingSeverity.High : FindingSeverity.Medium,
            Sentence.Of($"Writable and executable {what} ({region.Permissions}, {Size(region)}): code can be written and run in place"
                + $"{(jit is null ? "." : "; " + jit + " is loaded, and JIT compilers may use such memory.")}")));
    }

    private static void AnonymousExecutable(Region region, RegionKind kind, string? jit, List<Finding> findings)
    {
        if (kind != RegionKind.AnonExec && !(kind == RegionKind.Unknown && region.IsAnonymous && region.Permissions.CanExecute == true))
            return;
        findings.Add(At(region, FindingRules.AnonymousExecutable, jit is null ? FindingSeverity.Medium : Expected(region),
            jit is null
                ? Sentence.Of($"Anonymous executable memory ({region.Permissions}, {Size(region)}) with no JIT runtime loaded: code that no file on disk holds, such as injected shellcode.")
                : Sentence.Of($"Anonymous executable memory ({region.Permissions}, {Size(region)}): expected, {jit} is loaded and generates code at run time.")));
    }

    private static void ExecutableStack(Region region, RegionKind kind, List<Finding> findings)
    {
        if (region.Permissions.CanExecute != true || kind is not (RegionKind.Stack or RegionKind.ThreadStack or RegionKind.Heap))
            return;
        var what = kind == RegionKind.Heap ? "heap" : kind == RegionKind.Stack ? "main stack" : "thread stack";
        findings.Add(At(region, FindingRules.ExecutableStack, FindingSeverity.High,
            Sentence.Of($"Executable {what} ({region.Permissions}): data on it can be run as code; an image without PT_GNU_STACK or built with -z execstack makes the stack executable.")));
    }

    private static void DeletedMappings(List<Region> deleted, List<Finding> findings)
    {
        foreach (var group in GroupByName(deleted))
        {
            var executable = group.Regions.Exists(r => r.Permissions.CanExecute == true);
            findings.Add(Spanning(group, FindingRules.DeletedMapping, executable ? FindingSeverity.High : FindingSeverity.Medium,
                Sentence.Of($"{(executable ? "Code mapped from a deleted file" : "Mapping of a deleted file")} ({Count(group.Regions.Count, "region")}): the file was removed or replaced after it was mapped"
                    + $"{(executable ? ", as an upgraded library or a program that deleted itself leaves behind." : ".")}")));
        }
    }

    private static bool IsExecutableSharedMemory(Region region) =>
        region.Permissions.CanExecute == true && region.Name is { } name && (MappingNames.IsMemfd(name) || MappingNames.IsDevShm(name));

    private static void ExecutableSharedMemory(List<Region> sharedCode, string? jit, List<Finding> findings)
    {
        foreach (var group in GroupByName(sharedCode))
        {
            var where = MappingNames.IsMemfd(group.Name) ? "a memfd" : "/dev/shm";
            findings.Add(Spanning(group, FindingRules.ExecutableSharedMemory, jit is null ? FindingSeverity.High : FindingSeverity.Low,
                jit is null
                    ? Sentence.Of($"Executable code in {where} ({Count(group.Regions.Count, "region")}): code that no file on disk holds, a common way to run a payload without writing it to disk.")
                    : Sentence.Of($"Executable code in {where} ({Count(group.Regions.Count, "region")}): expected, {jit}"
                        + $" is loaded and maps its generated code twice through shared memory (writable view and executable view).")));
        }
    }

    private static void UnusualImagePaths(AddressMap map, List<Finding> findings)
    {
        foreach (var module in map.Modules)
        {
            if (module.PathIsBasename)
                continue;
            foreach (var (prefix, severity) in UnusualImageDirectories)
            {
                if (!module.Path.StartsWith(prefix, StringComparison.Ordinal))
                    continue;
                findings.Add(new Finding
                {
                    Severity = severity,
                    Rule = FindingRules.UnusualImagePath,
                    Start = module.Base,
                    End = module.End,
                    Name = module.Path,
                    Message = Sentence.Words("ELF image loaded from " + prefix.TrimEnd('/') + ": programs and libraries are normally installed under /usr, /lib or /opt"
                        + (prefix is "/home/" or "/root/" ? " (a home directory: a developer build, or a file a user or attacker placed there)." : " (a world-writable folder where dropped or preloaded code lives).")),
                });
                break;
            }
        }
    }

    private static void NonPie(AddressMap map, List<Finding> findings)
    {
        if (map.MainExecutable is not { } main || main.PathIsBasename && main.Name.StartsWith('['))
            return;
        var reason = NonPieBase.Reason(main.Base, map.Capture.Architecture)
            ?? (main.IsPositionIndependent == false ? "its own ELF header says ET_EXEC (linked for one fixed address)" : null);
        if (reason is null)
            return;
        findings.Add(new Finding
        {
            Severity = FindingSeverity.Low,
            Rule = FindingRules.NonPie,
            Start = main.Base,
            End = main.End,
            Name = main.Path,
            Message = Sentence.Of($"Non-PIE executable: {main.Name} is loaded at {Address(main.Base)}, {reason}; its code and data are at the same addresses in every run, which helps exploits."),
        });
    }

    /// <summary>Checks the guard below each of <paramref name="threadStacks"/> (the thread-stack regions in address order) and below each other thread's stack.</summary>
    private static void MissingGuards(AddressMap map, List<Region> threadStacks, List<Finding> findings)
    {
        var capture = map.Capture;
        var pid = capture.Pid ?? capture.Process?.Pid;
        var stacks = new HashSet<Region>(threadStacks, ReferenceEqualityComparer.Instance);
        foreach (var thread in capture.Threads)
        {
            if (thread.Tid != pid && map.FindRegion(thread.StackPointer) is { IsAnonymous: true } region
                && region.Permissions.CanWrite == true && region.Kind is not (RegionKind.Stack or RegionKind.Heap))
                stacks.Add(region);
        }
        foreach (var stack in stacks.OrderBy(s => s.Start))
        {
            // Memory saved without its mapping (a minidump without a maps stream) says nothing of what lies below it.
            if (stack.Permissions.CanWrite != true)
                continue;
            // A PROT_NONE page is the usual guard; any page that cannot be written stops a push just as well
            // (gdb's gcore marks PROT_NONE segments readable, docs/formats.md#gdb-gcore-cores).
            if (map.AdjacentBelow(stack) is { IsAnonymous: true } below && below.Permissions.CanWrite == false && below.Permissions.CanExecute != true)
                continue;
            findings.Add(At(stack, FindingRules.MissingGuard, FindingSeverity.Low,
                Sentence.Of($"Thread stack without a guard page ({Size(stack)}): nothing below it stops an overflow, which then silently overwrites "
                    + $"{(map.AdjacentBelow(stack) is { } neighbour ? RegionText(neighbour) : Sentence.Words("whatever is mapped there later"))}.")));
        }
    }

    private static void MapCount(AddressMap map, List<Finding> findings)
    {
        var count = map.Regions.Count;
        if (count < FindingRules.MapCountThreshold)
            return;
        findings.Add(new Finding
        {
            Severity = count >= FindingRules.DefaultMaxMapCount ? FindingSeverity.High : FindingSeverity.Medium,
            Rule = FindingRules.MapCount,
            // Grouped thousands, as the kernel's documentation writes the limit beside it.
            Message = Sentence.Of($"{count.ToString("N0", CultureInfo.InvariantCulture)} mappings, {count * 100L / FindingRules.DefaultMaxMapCount}"
                + $"% of the kernel's default limit of 65,530 (vm.max_map_count): at the limit mmap, malloc and thread creation fail with ENOMEM."),
        });
    }

    /// <summary>shmem that the kernel always shows as deleted: not a deleted file.</summary>
    private static bool IsNormalDeletedShm(Region region) =>
        region.Name is { } name && MappingNames.IsAlwaysDeletedShm(name, region.NameIsBasename);

    private static List<RegionGroup> GroupByName(IEnumerable<Region> regions) =>
        [.. regions.GroupBy(r => r.Name!, StringComparer.Ordinal).Select(g => new RegionGroup(g.Key, [.. g]))];

    private static Finding At(Region region, string rule, FindingSeverity severity, Sentence message) => new()
    {
        Severity = severity,
        Rule = rule,
        Start = region.Start,
        End = region.End,
        Name = region.DisplayName,
        Message = message,
    };

    private static Finding Spanning(RegionGroup group, string rule, FindingSeverity severity, Sentence message) => new()
    {
        Severity = severity,
        Rule = rule,
        Start = group.Regions.Min(r => r.Start),
        End = group.Regions.Max(r => r.End),
        Name = group.Regions[0].DisplayName,
        Message = message,
    };

    private static Sentence Size(Region region) => Sentence.Of($"{Bytes(region.Size)} bytes");

    private static Sentence Count(int count, string noun) => Sentence.Of($"{count} {noun}{(count == 1 ? "" : "s")}");

    private sealed record RegionGroup(string Name, List<Region> Regions);
}

using System.Globalization;
using Forensics.Model;

namespace Forensics.Importers.Normalisation;

/// <summary>
/// Decides x86 or x86_64 from what the regions show, with the reasons as evidence lines for
/// <see cref="Capture.ArchitectureEvidence"/>; it reads the builder and returns its decision, which normalisation
/// applies. An architecture an importer set (a core's ELF header) is kept; the layout then only adds supporting or
/// contradicting evidence.
/// </summary>
/// <remarks>
/// Order of strength: an address above 4 GiB or the vsyscall gate page is impossible for a 32-bit task, so it
/// decides x86_64 outright. Then loader and library paths. Then the 32-bit layout: the i386 default link address
/// 0x08048000 for the executable, and a stack that ends near 0xffffe000 (a compat task on a 64-bit kernel, which
/// also has no [vsyscall]) or below 0xc0000000 (a 3G/1G 32-bit kernel). Last, a layout with kernel-named regions
/// that lies wholly below 4 GiB is x86: a 64-bit kernel puts an x86_64 task's stack and vdso near 0x7fff….
/// Before all of them, what only other machines show (ARM's [vectors] and [sigpage] pages, ARM and AArch64
/// loader paths, a stack above the 47-bit x86_64 user space) keeps the architecture unknown with "not x86" in the
/// evidence, and so does an importer that left it unknown with a reason (a Solaris listing, a core of another machine).
/// </remarks>
internal static class ArchitectureDetector
{
    private const ulong FourGiB = 0x1_0000_0000;
    private const ulong I386LinkAddress = 0x08048000;

    /// <summary>Phrases that mark the evidence lines this detector writes (and only those).</summary>
    private static readonly string[] LayoutPhrases =
    [
        "regions above 4 GiB", "gate page at", "loader or library path", "the i386 default link address", "[stack] ends at",
        "every address below 4 GiB", "not x86:",
    ];

    /// <summary>The end of the x86_64 user address space with 4-level paging, where the kernel puts the stack even with 5 levels.</summary>
    private const ulong X86_64UserEnd = 0x8000_0000_0000;

    private static readonly string[] PathsOther = ["aarch64-linux-gnu", "ld-linux-aarch64.so", "arm-linux-gnueabi", "ld-linux-armhf.so", "ld-linux.so.3"];

    private static readonly string[] Paths64 = ["ld-linux-x86-64.so.2", "x86_64-linux-gnu", "/lib64/", "/usr/lib64/"];
    private static readonly string[] Paths32 = ["ld-linux.so.2", "i386-linux-gnu", "i686-linux-gnu", "/lib32/", "/usr/lib32/"];

    /// <summary>
    /// What the layout evidence is gathered in, region by region in address order, for <see cref="Decide"/>; null when
    /// the input decided the architecture alone (x32, or unknown with a reason) and the layout is not looked at.
    /// </summary>
    public static Layout? LayoutFor(CaptureBuilder capture) => DecidedByInput(capture) ? null : new Layout(capture.Architecture == Architecture.Unknown);

    // x32 has the x86_64 kernel layout with every address below 4 GiB: the header decides, the layout cannot.
    private static bool DecidedByInput(CaptureBuilder capture) =>
        capture.Architecture == Architecture.X32 || (capture.Architecture == Architecture.Unknown && capture.ArchitectureEvidence.Count > 0);

    /// <summary>The decision from <paramref name="layout"/>, which <see cref="LayoutFor"/> made and every region was added to; the input's own without one.</summary>
    public static ArchitectureDecision Decide(CaptureBuilder capture, Layout? layout)
    {
        if (layout is null)
            return new(capture.Architecture, [], null);
        var (notX86, above, highestEnd, highest, vsyscall) = (layout.NotX86, layout.Above, layout.HighestEnd, layout.Highest, layout.Vsyscall);
        var (stack, path64, path32, kernelNamed) = (layout.Stack, layout.Path64, layout.Path32, layout.KernelNamed);
        var evidence64 = new List<string>();
        var evidence32 = new List<string>();
        if (notX86 is not null)
            return new(capture.Architecture, [notX86], null);

        if (above > 0 && highest is not null)
            evidence64.Add(Text($"[{above}] regions above 4 GiB, the highest ends at [0x{highestEnd:x}] ({Describe(highest)})"));
        if (vsyscall is not null)
            evidence64.Add(Text($"[vsyscall] gate page at [0x{vsyscall.Start:x}], which only x86_64 tasks have"));
        if (path64 is not null)
            evidence64.Add(Text($"x86_64 loader or library path [{path64}]"));
        if (path32 is not null)
            evidence32.Add(Text($"i386 loader or library path [{path32}]"));

        var below4GiB = layout.Count > 0 && above == 0 && vsyscall is null;
        var layout32 = false;
        if (below4GiB)
        {
            if (layout.I386Executable is { } exe)
            {
                layout32 = true;
                evidence32.Add(Text($"[{exe.Name}] mapped at [0x{I386LinkAddress:x8}], the i386 default link address"));
            }
            if (stack is not null && stack.End >= 0xff000000)
            {
                layout32 = true;
                evidence32.Add(Text($"[stack] ends at [0x{stack.End:x}], near 0xffffe000 where a 64-bit kernel puts a 32-bit task's stack, and there is no [vsyscall]"));
            }
            else if (stack is not null && stack.End <= 0xc0000000)
            {
                layout32 = true;
                evidence32.Add(Text($"[stack] ends at [0x{stack.End:x}], below the 3 GiB split of a 32-bit kernel"));
            }
            if (highest is not null && (evidence32.Count > 0 || kernelNamed))
                evidence32.Add(Text($"every address below 4 GiB (the highest end is [0x{highestEnd:x}])"));
        }

        var inferred = above > 0 || vsyscall is not null ? Architecture.X86_64
            : path64 is not null && path32 is null ? Architecture.X86_64
            : path32 is not null || layout32 || (below4GiB && kernelNamed) ? Architecture.X86
            : Architecture.Unknown;

        if (capture.Architecture == Architecture.Unknown)
        {
            var supporting = inferred == Architecture.X86_64 ? evidence64 : inferred == Architecture.X86 ? evidence32 : [];
            var contradicting = inferred == Architecture.X86_64 ? Contradicting(evidence32, inferred)
                : inferred == Architecture.X86 ? Contradicting(evidence64, inferred) : [];
            return new(inferred, New(capture, supporting.Concat(contradicting)), null);
        }

        var set = capture.Architecture;
        var against = set == Architecture.X86_64 ? evidence32 : evidence64;
        var evidence = New(capture, (set == Architecture.X86_64 ? evidence64 : evidence32).Concat(Contradicting(against, set)));
        return new(set, evidence, inferred != Architecture.Unknown && inferred != set
            ? Text($"the layout suggests [{inferred.ToId()}] but the input says [{set.ToId()}]")
            : null);
    }

    /// <summary>
    /// The layout evidence of a capture's regions, added one by one in address order. What shows a process is not x86
    /// is looked for in the same pass as the x86 evidence, and decides alone when found.
    /// </summary>
    internal sealed class Layout(bool lookForNotX86)
    {
        public string? NotX86 { get; private set; }
        /// <summary>How many regions end above 4 GiB.</summary>
        public int Above { get; private set; }
        public ulong HighestEnd { get; private set; }
        public Region? Highest { get; private set; }
        public Region? Vsyscall { get; private set; }
        public Region? Stack { get; private set; }
        public string? Path64 { get; private set; }
        public string? Path32 { get; private set; }
        /// <summary>A <c>[stack]</c>, <c>[vdso]</c>, <c>[vvar]</c> or <c>[heap]</c> region was seen.</summary>
        public bool KernelNamed { get; private set; }
        /// <summary>The first file mapped at the i386 default link address.</summary>
        public Region? I386Executable { get; private set; }
        public int Count { get; private set; }

        public void Add(Region region)
        {
            Count++;
            if (lookForNotX86 && NotX86 is null && region.Name is not null)
                NotX86 = ArchitectureDetector.NotX86(region);
            if (region.Start == RegionNames.VsyscallAddress)
            {
                Vsyscall ??= region;
                return;
            }
            if (region.End > FourGiB)
                Above++;
            if (region.End > HighestEnd)
            {
                HighestEnd = region.End;
                Highest = region;
            }
            var name = region.Name;
            if (name is null)
                return;
            if (RegionNames.IsBracketed(name))
            {
                var content = RegionNames.BracketContent(name);
                if (content.SequenceEqual("stack"))
                    Stack ??= region;
                KernelNamed |= content is "stack" or "vdso" or "vvar" or "heap";
                return;
            }
            if (region.Start == I386LinkAddress && name.Length > 0)
                I386Executable ??= region;
            Path64 ??= FindMarker(name, Paths64);
            Path32 ??= FindMarker(name, Paths32);
        }
    }

    /// <summary>What in <paramref name="region"/> no x86 or x86_64 Linux process shows, as an evidence line; null for nothing.</summary>
    private static string? NotX86(Region region)
    {
        var name = region.Name;
        if (name is "[vectors]" or "[sigpage]")
            return Text($"not x86: [{name}] page at [0x{region.Start:x}], which only ARM kernels map");
        if (name is "[stack]" && region.End > X86_64UserEnd)
            return Text($"not x86: [stack] ends at [0x{region.End:x}], above the x86_64 user address space (AArch64 puts it there)");
        if (name is not null && FindMarker(name, PathsOther) is not null)
            return Text($"not x86: ARM or AArch64 loader or library path [{name}]");
        return null;
    }

    /// <summary>True for an evidence line that the layout gave, not the importer (re-derived when captures are merged).</summary>
    public static bool IsLayoutEvidence(string line) => FindMarker(line, LayoutPhrases) is not null;

    private static IEnumerable<string> Contradicting(List<string> evidence, Architecture decided) =>
        evidence.Select(e => Text($"{e} (contradicts {decided.ToId()})"));

    /// <summary>The lines of <paramref name="evidence"/> that the capture does not hold yet, each once.</summary>
    private static List<string> New(CaptureBuilder capture, IEnumerable<string> evidence)
    {
        var added = new List<string>();
        foreach (var line in evidence)
        {
            if (!capture.ArchitectureEvidence.Contains(line, StringComparer.Ordinal) && !added.Contains(line, StringComparer.Ordinal))
                added.Add(line);
        }
        return added;
    }

    private static string? FindMarker(string name, string[] markers)
    {
        foreach (var marker in markers)
        {
            if (name.Contains(marker, StringComparison.Ordinal))
                return name;
        }
        return null;
    }

    private static string Describe(Region region) => region.DisplayName ?? "anonymous";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

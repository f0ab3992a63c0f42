using System.Globalization;
using Forensics.Model;

namespace Forensics.Importers.Normalisation;

/// <summary>
/// Gives every region whose kind is still <see cref="RegionKind.Unknown"/> one of the kinds of docs/region-model.md#region-kinds; a kind an importer
/// set is kept. Regions must be sorted by start.
/// </summary>
/// <remarks>
/// Rules, in order:
/// <list type="bullet">
/// <item>Kernel pseudo-names: <c>[heap]</c>, <c>[stack]</c>, <c>[stack:TID]</c> (Linux 3.4–4.4), <c>[vdso]</c>,
/// <c>[vvar]</c>/<c>[vvar_vclock]</c>, <c>[vsyscall]</c>; <c>[anon:NAME]</c> is anonymous memory.</item>
/// <item>An image's mapping: executable → text; <c>---p</c> → gap; writable → data; read-only → relro when the next
/// mapping is the image's writable data, directly adjacent, at the same file offset (both from one file page, as
/// dotnet's) or continuing where this one ends (the data segment that <c>mprotect</c> split for RELRO); without
/// offsets, adjacency alone. Otherwise rodata. An image linked with <c>-z norelro</c> whose rodata shares a page with
/// its data would show as relro by this rule.</item>
/// <item>Other named files: shared memory (SysV, <c>/dev/shm</c>, <c>memfd:</c>, <c>/dev/zero (deleted)</c>) → shm,
/// the rest → file.</item>
/// <item>Anonymous: the fixed vsyscall address → vsyscall; shared → shm; <c>---p</c> between two adjacent mappings of
/// one image → gap; <c>---p</c> of at most 64 KiB directly below a private anonymous <c>rw-p</c> region of at least
/// 16 KiB (PTHREAD_STACK_MIN) → guard, and that region → thread-stack (glibc and musl allocate a thread's stack as one
/// mapping with the guard at its low end); other <c>---p</c> → guard; writable and directly after an image's data →
/// bss; executable → anon-exec; the rest → anon.</item>
/// <item>Permissions that are unknown (gdb ≤ 11, NT_FILE-only ranges) satisfy no rule that needs them.</item>
/// </list>
/// </remarks>
internal static class RegionClassifier
{
    private const ulong MaximumThreadGuard = 64 * 1024;
    private const ulong MinimumThreadStack = 16 * 1024;

    /// <summary>Regions looked at around the middle for a place to split the work in two.</summary>
    private const int SplitSearch = 4096;

    public static void Classify(CaptureBuilder capture, ImageMap images)
    {
        var regions = capture.Regions;
        RegionHalves.Run(IndependentMiddle(regions), regions.Count, (start, end) =>
        {
            Classify(regions, images, start, end);
            return true;
        });
    }

    /// <summary>
    /// Where the regions split into two halves that classify independently: a region reads its address neighbours and
    /// sets the kind of the next one (a guard's thread stack), so the split is between two regions with a gap between
    /// them. 0 (one piece) for too few regions, or where none is found near the middle.
    /// </summary>
    private static int IndependentMiddle(List<Region> regions)
    {
        var middle = RegionHalves.Middle(regions.Count);
        for (var split = middle; split > 0 && split > middle - SplitSearch; split--)
        {
            if (regions[split - 1].End != regions[split].Start)
                return split;
        }
        return 0;
    }

    private static void Classify(List<Region> regions, ImageMap images, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var region = regions[i];
            if (region.Kind != RegionKind.Unknown)
                continue;
            region.Kind = region.Name is { } name && RegionNames.IsBracketed(name) ? ClassifyPseudoName(regions, images, i)
                : images.Key(i) is not null ? ClassifyImagePart(regions, images, i)
                : region.Name is not null ? RegionNames.IsSharedMemory(region) ? RegionKind.Shm : RegionKind.File
                : ClassifyAnonymous(regions, images, i);
        }
    }

    private static RegionKind ClassifyPseudoName(List<Region> regions, ImageMap images, int index)
    {
        var region = regions[index];
        var content = RegionNames.BracketContent(region.Name!);
        switch (content)
        {
            case "heap": return RegionKind.Heap;
            case "stack": return RegionKind.Stack;
            case "vdso": return RegionKind.Vdso;
            case "vsyscall": return RegionKind.Vsyscall;
            // pmap and toybox print unnamed regions as [ anon ] / [anon].
            case "anon": return ClassifyAnonymous(regions, images, index);
        }
        if (content.StartsWith("vvar", StringComparison.Ordinal))
            return RegionKind.Vvar;
        if (content.StartsWith("stack:", StringComparison.Ordinal))
        {
            if (int.TryParse(content[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var tid))
                region.ThreadId ??= tid;
            return RegionKind.ThreadStack;
        }
        if (RegionNames.IsSharedMemory(region))
            return RegionKind.Shm;
        if (content.StartsWith("anon:", StringComparison.Ordinal))
            return region.Permissions.CanExecute == true ? RegionKind.AnonExec : RegionKind.Anon;
        return RegionKind.Unknown;
    }

    private static RegionKind ClassifyImagePart(List<Region> regions, ImageMap images, int index)
    {
        var permissions = regions[index].Permissions;
        if (permissions.CanExecute == true)
            return RegionKind.Text;
        if (permissions.IsNone)
            return RegionKind.Gap;
        if (permissions.CanWrite == true)
            return RegionKind.Data;
        if (permissions.CanWrite == false && permissions.CanExecute == false)
            return IsRelro(regions, images, index) ? RegionKind.Relro : RegionKind.Rodata;
        return RegionKind.Unknown;
    }

    private static bool IsRelro(List<Region> regions, ImageMap images, int index)
    {
        if (index + 1 >= regions.Count)
            return false;
        var region = regions[index];
        var next = regions[index + 1];
        return next.Start == region.End
            && string.Equals(images.Key(index + 1), images.Key(index), StringComparison.Ordinal)
            && next.Permissions.CanWrite == true
            && (region.Offset is null || next.Offset is null || next.Offset == region.Offset || next.Offset == region.Offset + region.Size);
    }

    private static RegionKind ClassifyAnonymous(List<Region> regions, ImageMap images, int index)
    {
        var region = regions[index];
        var permissions = region.Permissions;
        if (region.Start == RegionNames.VsyscallAddress && region.Size == 0x1000)
            return RegionKind.Vsyscall;
        if (permissions.IsShared == true)
            return RegionKind.Shm;
        var previous = index > 0 && regions[index - 1].End == region.Start ? regions[index - 1] : null;
        var next = index + 1 < regions.Count && regions[index + 1].Start == region.End ? regions[index + 1] : null;
        if (permissions.IsNone)
        {
            if (previous is not null && next is not null && images.Key(index - 1) is { } key
                && string.Equals(key, images.Key(index + 1), StringComparison.Ordinal))
                return RegionKind.Gap;
            if (next is not null && IsThreadStackAboveGuard(region, next))
                next.Kind = RegionKind.ThreadStack;
            return RegionKind.Guard;
        }
        if (permissions.CanWrite == true && previous is not null && images.Key(index - 1) is not null && previous.Kind == RegionKind.Data)
            return RegionKind.Bss;
        return permissions.CanExecute == true ? RegionKind.AnonExec : RegionKind.Anon;
    }

    private static bool IsThreadStackAboveGuard(Region guard, Region stack)
    {
        var permissions = stack.Permissions;
        return guard.Size <= MaximumThreadGuard
            && guard.Permissions.IsShared != true
            && stack.Kind == RegionKind.Unknown
            && (stack.Name is null || IsAnonPlaceholder(stack.Name))
            && stack.Size >= MinimumThreadStack
            && permissions.CanRead == true && permissions.CanWrite == true && permissions.CanExecute == false
            && permissions.IsShared != true;
    }

    private static bool IsAnonPlaceholder(string name) =>
        RegionNames.IsBracketed(name) && RegionNames.BracketContent(name).SequenceEqual("anon");
}

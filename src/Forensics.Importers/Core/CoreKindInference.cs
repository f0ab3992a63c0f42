using Forensics.Elf.Notes;
using Forensics.Model;

namespace Forensics.Importers.Core;

/// <summary>
/// Kinds a core shows without names: vdso (AT_SYSINFO_EHDR), vsyscall (its fixed address), the main stack
/// (AT_EXECFN points near its top), thread stacks (each thread's SP) with their guard page, and the heap.
/// Each is the region's <see cref="Region.StatedKind"/>; normalisation classifies every region left Unknown.
/// </summary>
internal static class CoreKindInference
{
    private const ulong VsyscallStart = 0xffffffffff600000;

    /// <summary>
    /// arch_randomize_brk places the heap within 32 MiB (32-bit processes) or 1 GiB (64-bit) above the end of the
    /// program's data (arch/x86/kernel/process.c).
    /// </summary>
    private const ulong BrkRandomRange32 = 0x2000000, BrkRandomRange64 = 0x40000000;

    public static void Apply(CaptureBuilder capture)
    {
        var regions = capture.Regions;
        var vdso = Auxv(capture, AuxvTypes.SysInfoElfHeader);
        foreach (var region in regions)
        {
            if (vdso is { } address && region.Start == address) region.StatedKind = RegionKind.Vdso;
            else if (region.Start == VsyscallStart) region.StatedKind = RegionKind.Vsyscall;
        }

        var execName = Auxv(capture, AuxvTypes.ExecFileName);
        var mainThread = capture.Threads.Find(t => capture.Pid is { } pid && t.Tid == pid);
        var mainStack = (execName is { } name ? capture.FindRegion(name) : null)
            ?? (mainThread is null ? null : capture.FindRegion(mainThread.StackPointer));
        if (mainStack is { StatedKind: RegionKind.Unknown })
        {
            mainStack.StatedKind = RegionKind.Stack;
            mainStack.ThreadId = mainThread?.Tid ?? capture.Pid;
        }
        foreach (var thread in capture.Threads)
        {
            if (capture.FindRegion(thread.StackPointer) is not { StatedKind: RegionKind.Unknown, Name: null } stack || ReferenceEquals(stack, mainStack))
                continue;
            stack.StatedKind = RegionKind.ThreadStack;
            stack.ThreadId = thread.Tid;
            var index = regions.IndexOf(stack);
            if (index > 0 && regions[index - 1] is { StatedKind: RegionKind.Unknown, Name: null, Permissions.CanWrite: false, Permissions.CanExecute: false } guard
                && guard.End == stack.Start)
            {
                guard.StatedKind = RegionKind.Guard;
            }
        }
        MarkHeap(capture);
    }

    /// <summary>The heap is the first anonymous writable region after the program's data and its adjacent bss.</summary>
    private static void MarkHeap(CaptureBuilder capture)
    {
        var executable = capture.Images.Find(i => i.IsExecutable);
        if (executable is null)
            return;
        var regions = capture.Regions;
        var last = regions.FindLastIndex(r => executable.Path is { } path && r.Name == path && r.Start >= executable.Base);
        var end = last >= 0 ? regions[last].End : executable.End;
        for (var index = last + 1; index < regions.Count; index++)
        {
            var region = regions[index];
            if (region.Start < end)
                continue;
            if (region is not { Name: null, StatedKind: RegionKind.Unknown, Permissions.CanWrite: true })
                return;
            if (region.Start == end)
            {
                // Directly after the data: the program's bss, left to normalisation.
                end = region.End;
                continue;
            }
            if (region.Start - end <= (capture.Architecture is Architecture.X86 or Architecture.X32 ? BrkRandomRange32 : BrkRandomRange64))
                region.StatedKind = RegionKind.Heap;
            return;
        }
    }

    private static ulong? Auxv(CaptureBuilder capture, ulong type) => capture.Auxv.FirstOrDefault(a => a.Type == type)?.Value;
}
